"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the print stylesheet drops navigation and controls and keeps cards whole. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      Print
    </Button>
  );
}
