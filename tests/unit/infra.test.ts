/**
 * Bicep cannot be compiled offline here (every route downloads the compiler), so this checks what
 * can be checked: every file parses with tree-sitter-bicep, and the resources production needs exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Parser = require('tree-sitter');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Bicep = require('tree-sitter-bicep');

const infra = path.resolve(__dirname, '../../infra');
const files = [path.join(infra, 'main.bicep'), ...readdirSync(path.join(infra, 'modules')).map((f) => path.join(infra, 'modules', f))].filter((f) => f.endsWith('.bicep'));
const parser = new Parser();
parser.setLanguage(Bicep);

describe('infra (Bicep)', () => {
  it.each(files.map((f) => [path.relative(infra, f), f]))('%s parses without syntax errors', (_name, file) => {
    const tree = parser.parse(readFileSync(file, 'utf8'));
    expect(tree.rootNode.hasError).toBe(false);
  });

  it('detects a syntax error (so the check can fail)', () => {
    expect(parser.parse("resource x 'Microsoft.Web/sites@2023-12-01' = {\n  name: \n").rootNode.hasError).toBe(true);
  });

  it('declares every resource production needs', () => {
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const type of [
      'Microsoft.DocumentDB/databaseAccounts@', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@',
      'Microsoft.FluidRelay/fluidRelayServers@', 'Microsoft.BotService/botServices@', 'Microsoft.BotService/botServices/channels@',
      'Microsoft.Web/serverfarms@', 'Microsoft.Web/sites@', 'Microsoft.KeyVault/vaults@',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@',
    ]) {
      expect(all).toContain(type);
    }
    expect(all).toContain("paths: [ '/pk' ]");
    expect(all).toContain('disableLocalAuth: true');
  });

  it('keeps secrets out of app settings (Key Vault references only)', () => {
    const web = readFileSync(path.join(infra, 'modules', 'web-app.bicep'), 'utf8');
    expect(web).toMatch(/FLUID_TENANT_KEY: '@Microsoft\.KeyVault/);
    expect(web).toMatch(/BOT_PASSWORD: '@Microsoft\.KeyVault/);
  });
});
