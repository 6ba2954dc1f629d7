import { Suspense, useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";

import { useApi } from "../api/api-context";
import { useApiMutation } from "../api/hooks";
import { SignOutDocument } from "../generated/graphql";
import { Loading } from "../ui/status";
import { NAVIGATION } from "./navigation";
import { PageErrorBoundary } from "./page-error-boundary";
import { useViewer, ViewerProvider } from "./viewer";

function SignOutButton() {
  const { session } = useApi();
  const navigate = useNavigate();
  const signOut = useApiMutation(SignOutDocument, { invalidate: false });
  return (
    <button
      type="button"
      className="button secondary small"
      onClick={() => {
        // Signed out here whatever the server says: a dead network must not keep someone signed in.
        signOut.mutate({}, { onSettled: () => (session.end(), void navigate("/signin")) });
      }}
    >
      Sign out
    </button>
  );
}

function Who() {
  const viewer = useViewer();
  return (
    <span className="who" title={viewer.email}>
      {viewer.displayName}
    </span>
  );
}

/** The signed-in frame: skip link, navigation (a bar on phones), and the page. */
export function Layout() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After moving to another page, focus goes to its content (as a page load would), so keyboard
  // and screen-reader users start at the new page, not in the menu they left.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <ViewerProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <header className="topbar">
          <NavLink to="/" className="brand" aria-label="Moneta home">
            Moneta
          </NavLink>
          <div className="topbar-end">
            <Who />
            <SignOutButton />
          </div>
        </header>
        <nav className="sidenav" aria-label="Main">
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === "/"}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} ref={main}>
          <PageErrorBoundary key={pathname}>
            <Suspense fallback={<Loading label="Loading page" />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
    </ViewerProvider>
  );
}
