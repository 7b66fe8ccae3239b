import * as React from "react";

/** A box to hold something maybe wider than it, and whether it is (measured after each render and on resize). */
export function useOverflows(): [React.RefObject<HTMLDivElement>, boolean] {
  const box = React.useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = React.useState(false);
  React.useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    window.addEventListener("resize", check);
    return () => window.removeEventListener("resize", check);
  });
  return [box, overflows];
}
