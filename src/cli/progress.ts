/**
 * A progress line on stderr for runs longer than a second, on a terminal only: nothing at all when stderr is
 * piped or redirected, or with --json. The line is rewritten in place (carriage return) and cleared at the end.
 * It appears when the timer fires or, if the work has not let the timer run, at the next step after a second.
 */
export interface Progress {
  step(text: string): void;
  done(): void;
}

const SILENT: Progress = { step: () => undefined, done: () => undefined };

export function progressLine(write: ((text: string) => void) | undefined, delayMs = 1000): Progress {
  if (!write) return SILENT;
  let current = "";
  let shown = false;
  const start = Date.now();
  const show = () => {
    shown = true;
    write(`\r\x1b[2K${current}`);
  };
  const timer = setTimeout(show, delayMs);
  timer.unref?.();
  return {
    step(text) {
      current = `${text}…`;
      // Reading and checking run without yielding to the event loop, so the timer may not have fired yet.
      if (shown || Date.now() - start >= delayMs) show();
    },
    done() {
      clearTimeout(timer);
      if (shown) write("\r\x1b[2K");
      shown = false;
    },
  };
}
