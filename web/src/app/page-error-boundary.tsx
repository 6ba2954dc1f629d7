import { Component, type ReactNode } from "react";

/**
 * A page that fails while drawing shows a message and a way on, instead of blanking the whole
 * app; the navigation stays usable. Keyed by path in the layout, so moving to another page
 * starts clean.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error" role="alert">
        <p className="error-title">This page could not be shown.</p>
        <p className="error-detail">Something went wrong while drawing it. Reload the page, or pick another one from the menu.</p>
      </div>
    );
  }
}
