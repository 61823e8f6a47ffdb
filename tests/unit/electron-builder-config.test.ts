import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Packaging never runs in CI (it downloads Electron), so a mistake in electron-builder.yml would
// surface only in the release workflow. This checks the file against the JSON schema that
// electron-builder itself validates with, using the same validator (ajv) and YAML parser it ships,
// resolved through app-builder-lib so no extra dependency is needed.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const builderLib = dirname(require.resolve('app-builder-lib/package.json', { paths: [repo] }));
const fromBuilder = createRequire(join(builderLib, 'package.json'));

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };
const Ajv = fromBuilder('ajv') as { default: new (opts: Record<string, unknown>) => { compile(schema: unknown): Validate } };
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };

const schema = JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8'));
const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  // The options electron-builder uses in app-builder-lib/out/util/config/schemaValidator.js.
  const validate = new Ajv.default({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);

  it("matches electron-builder's own schema", () => {
    const ok = validate(structuredClone(config));
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`) ?? [], 'schema errors').toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a deliberately broken copy (the check is live)', () => {
    expect(validate({ ...structuredClone(config), notAnOption: true })).toBe(false);
    expect(validate({ ...structuredClone(config), linux: { target: ['AppImage'], bogus: 1 } })).toBe(false);
    expect(validate({ ...structuredClone(config), publish: [{ provider: 'generic' }] })).toBe(false);
  });

  it('identifies the app and starts the compiled shell', () => {
    expect(config.appId).toBe('vn.packdesk.app');
    expect(config.productName).toBe('Packdesk');
    expect(config.extraMetadata.main).toBe('out/main/hosts/electron/main.js');
    expect(pkg.main).toBe(config.extraMetadata.main);
  });

  it('packs the build, keeps the native module outside the asar and does not rebuild it again', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
  });

  it('builds AppImage and deb, NSIS and DMG, with a generic update feed', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.publish[0].provider).toBe('generic');
  });
});
