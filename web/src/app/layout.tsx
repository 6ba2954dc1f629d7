import { Suspense } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";

import { useApi } from "../api/api-context";
import { useApiMutation } from "../api/hooks";
import { SignOutDocument } from "../generated/graphql";
import { Loading } from "../ui/status";
import { NAVIGATION } from "./navigation";
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
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading label="Loading page" />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </ViewerProvider>
  );
}
