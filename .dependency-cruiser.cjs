// Architecture rules, checked by `npm run lint:architecture` (part of `npm test`): the boundaries
// docs/architecture.md draws, so a wrong import fails the build instead of a review.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "subgraph-imports-another-subgraph",
      comment: "A subgraph shares contracts (schema/), never code: it never imports another subgraph.",
      severity: "error",
      from: { path: "^subgraphs/([^/]+)/" },
      to: { path: "^subgraphs/", pathNot: "^subgraphs/$1/" },
    },
    {
      name: "platform-imports-an-app",
      comment: "platform/ is the kernel under everything: it imports neither gateway/ nor subgraphs/.",
      severity: "error",
      from: { path: "^platform/" },
      to: { path: "^(gateway|subgraphs)/" },
    },
    {
      name: "gateway-imports-a-subgraph",
      comment: "The gateway knows subgraphs by their SDL and URLs only.",
      severity: "error",
      from: { path: "^gateway/" },
      to: { path: "^subgraphs/" },
    },
    {
      name: "schema-contract-imports-code",
      comment: "Event contracts in schema/ are types and constants only; they import nothing of ours.",
      severity: "error",
      from: { path: "^schema/" },
      to: { path: "^(platform|gateway|subgraphs)/" },
    },
    {
      name: "web-imports-server-code",
      comment: "The web app is a client of the public API only: it shares no code with the servers.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^(platform|gateway|subgraphs|schema|generated|test)/" },
    },
    {
      name: "server-imports-web",
      comment: "Servers serve web/dist as files; they never import the app's code.",
      severity: "error",
      from: { path: "^(platform|gateway|subgraphs|schema)/" },
      to: { path: "^web/" },
    },
    {
      name: "no-circular",
      comment: 'Import cycles make load order matter ("Cannot access X before initialization").',
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|generated|\\.moneta)/|^web/(dist|src/generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
