import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal native <dialog>, open while mounted: the browser keeps focus inside it and closes it on
 * Escape. Focus starts on the first control, or on the one marked `data-autofocus`; when the
 * dialog goes, focus returns to whatever opened it (or to the page's main region).
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The browser focuses the first control; a dialog can name a safer one (Cancel, before Delete).
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : document.getElementById("main");
      back?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="tx-dialog"
      // A close that was undone before its event arrived (StrictMode's mount, unmount, mount) is no close.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
