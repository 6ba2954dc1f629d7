import "./styles.css";

import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";

import { type Api, ApiContext, createApi } from "./api/api-context";
import { ROUTES } from "./app/routes";

const router = createBrowserRouter(ROUTES);

function App({ api }: { api: Api }) {
  // Tokens are rotated before they expire for as long as the app is open.
  useEffect(() => api.session.keepFresh(), [api]);
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={api.queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App api={createApi()} />
  </StrictMode>,
);
