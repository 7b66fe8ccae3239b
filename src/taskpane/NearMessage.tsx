import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { PaneMessage } from "./messages";

/**
 * A message shown next to the button or box that caused it, and announced: a live region that is always in the page
 * (role="status", polite), with errors in their own role="alert". Empty when there is nothing to say.
 */
export function NearMessage({ message, id }: { message: PaneMessage | null; id?: string }) {
  const error = message?.intent === "error";
  return (
    <>
      <div role="status" aria-live="polite" aria-atomic="true" id={id && !error ? id : undefined}>
        {message && !error && <Bar message={message} />}
      </div>
      <div role="alert" aria-atomic="true" id={id && error ? id : undefined}>
        {message && error && <Bar message={message} />}
      </div>
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
