/** Architecture rules (see DESIGN.md "Processes and what each owns" and STYLE.md "Boundaries"). */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles are not allowed.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'app-imports-other-app',
      severity: 'error',
      comment: 'Apps never import other apps.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'package-imports-app',
      severity: 'error',
      comment: 'Packages never import apps.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-imports-node-package',
      severity: 'error',
      comment:
        'apps/web runs in the browser: no packages that need Node (its small static server excepted).',
      from: { path: '^apps/web/', pathNot: '^apps/web/src/(main\\.ts$|server/)' },
      to: { path: '^packages/(db|queue|storage|telemetry|devstack|testing|auth)/' },
    },
    {
      name: 'no-deep-package-import',
      severity: 'error',
      comment: "Import a package through its exports, never another package's src path.",
      from: { path: '^(apps|packages)/([^/]+)/' },
      // Workspace imports resolve into src/ as well; a relative path reaching there is the wrong kind.
      to: { dependencyTypes: ['local'], path: '^packages/([^/]+)/src/', pathNot: '^packages/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data|\\.turbo)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
