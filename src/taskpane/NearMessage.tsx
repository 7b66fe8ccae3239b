import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { PaneMessage } from "./messages";

/**
 * A message shown next to the button or box that caused it, and announced: a live region that is always in the page
 * (role="status", polite), with an error in a role="alert" added when it happens. Empty when there is nothing to say.
 */
export function NearMessage({ message, id }: { message: PaneMessage | null; id?: string }) {
  const error = message?.intent === "error";
  return (
    <>
      <div role="status" aria-live="polite" aria-atomic="true" id={id && !error ? id : undefined}>
        {message && !error && <Bar message={message} />}
      </div>
      {/* An alert is announced when it appears, so it is only in the page while there is an error. */}
      {message && error && (
        <div role="alert" aria-atomic="true" id={id}>
          <Bar message={message} />
        </div>
      )}
    </>
  );
}

function Bar({ message }: { message: PaneMessage }) {
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
        {message.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Focus for a result that takes the place of what was pressed (a bar or a confirm group that goes): `ref` on the
 * element saying the result (tabIndex -1), `focusNext()` as the action starts, and when `said` next changes to
 * something, focus moves there; a result of any other action leaves focus where it is.
 */
export function useFocusWhenSaid<T extends HTMLElement>(said: unknown): { ref: React.RefObject<T>; focusNext: () => void } {
  const ref = React.useRef<T>(null);
  const pending = React.useRef(false);
  React.useEffect(() => {
    if (said && pending.current) ref.current?.focus();
    pending.current = false;
  }, [said]);
  return { ref, focusNext: React.useCallback(() => (pending.current = true), []) };
}

