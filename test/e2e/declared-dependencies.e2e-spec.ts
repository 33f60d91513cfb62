import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * package.json declares what the code imports, and nothing it does not use: a package that only
 * resolves because another one brings it along (jose through jwks-rsa, fastify through
 * @nestjs/platform-fastify) breaks the day that one changes its own dependencies.
 */
const ROOT = resolve(__dirname, '../..');
const SCANNED_DIRS = ['src', 'test', 'bench', 'scripts', 'deploy', 'migrations'];

/** Declared but never imported by name, each for a reason. */
const NOT_IMPORTED: Record<string, string> = {
  '@fastify/static': "peer dependency of @nestjs/swagger: serves Swagger UI's assets on Fastify",
  passport: 'peer dependency of @nestjs/passport',
  rxjs: 'peer dependency of @nestjs/common and @nestjs/core',
  '@nestjs/cli': 'nest build',
  '@nestjs/schematics': 'nest CLI generators',
  '@redocly/cli': 'scripts/openapi-lint.js runs its binary',
  eslint: 'npm run lint',
  jest: 'npm test',
  newman: '.ci/run runs the Postman collections',
  prettier: 'npm run format',
  'ts-jest': 'jest.config.js transform',
  'ts-node': 'typeorm-ts-node-commonjs (migration scripts)',
  typescript: 'tsc, nest build',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Package names of the bare specifiers in import/export-from, import(), require() and side-effect imports. */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"\s]+)['"]/gm)].map((match) => match[1]);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => !builtinModules.includes(name));
}

describe('package.json dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
  const files = [
    ...SCANNED_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))),
    ...readdirSync(ROOT)
      .filter((name) => /\.(ts|js|mjs|cjs)$/.test(name))
      .map((name) => join(ROOT, name)),
  ];
  const importers = new Map<string, string[]>();
  for (const file of files) {
    for (const name of importedPackages(readFileSync(file, 'utf8'))) importers.set(name, [...(importers.get(name) ?? []), file.slice(ROOT.length + 1)]);
  }

  it('finds the imports it checks (the scan itself works)', () => {
    expect(importers.get('@nestjs/common')?.length).toBeGreaterThan(10);
    expect(importers.get('jose')).toEqual(expect.arrayContaining(['src/modules/consumers/dynamic-registration.service.ts']));
    expect(importers.get('light-my-request')).toEqual(['test/support/fuzz/http.ts']);
  });

  it('declares every package the code imports (itself or its @types twin)', () => {
    const undeclared = [...importers]
      .filter(([name]) => !declared.has(name) && !declared.has(`@types/${name}`))
      .map(([name, where]) => `${name} (${where[0]})`);
    expect(undeclared).toEqual([]);
  });

  it('declares nothing that is neither imported nor needed for a stated reason', () => {
    const unused = [...declared].filter((name) => !importers.has(name) && !name.startsWith('@types/') && !(name in NOT_IMPORTED));
    expect(unused).toEqual([]);
  });

  it('keeps code the server runs on out of devDependencies (npm ci --omit=dev in the image)', () => {
    const runtimeImports = [...importers]
      .filter(([, where]) => where.some((file) => file.startsWith('src/') && !file.endsWith('.spec.ts')))
      .map(([name]) => name);
    const devOnly = runtimeImports.filter((name) => !(name in pkg.dependencies) && !(`@types/${name}` in pkg.devDependencies));
    expect(devOnly).toEqual([]);
  });

  it('pins exact versions', () => {
    const ranges = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(ranges).toEqual([]);
  });
});
