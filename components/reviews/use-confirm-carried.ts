"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

export type ConfirmMessage = { tone: "done" | "failed"; text: string };

/** Runs a "confirm all carried answers" action and says what it did; the message takes focus so it is heard. */
export function useConfirmCarried(run: () => Promise<ActionResult<number>>) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ConfirmMessage | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const confirmAll = () => {
    startTransition(async () => {
      const result = await run();
      setMessage(
        result.ok
          ? { tone: "done", text: `Confirmed ${result.data} carried ${result.data === 1 ? "answer" : "answers"}.` }
          : { tone: "failed", text: result.message },
      );
    });
  };
  return { isPending, message, messageRef, confirmAll };
}
