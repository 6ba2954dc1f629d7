import type { ReactNode } from "react";

/** The signed-out pages' frame: brand, one card, nothing else to tab through. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <p className="brand auth-brand">Moneta</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
