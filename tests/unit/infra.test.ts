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
const files = [
  path.join(infra, 'main.bicep'),
  ...readdirSync(path.join(infra, 'modules')).map((f) => path.join(infra, 'modules', f)),
].filter((f) => f.endsWith('.bicep'));
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
      'Microsoft.DocumentDB/databaseAccounts@',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@',
      'Microsoft.FluidRelay/fluidRelayServers@',
      'Microsoft.BotService/botServices@',
      'Microsoft.BotService/botServices/channels@',
      'Microsoft.Web/serverfarms@',
      'Microsoft.Web/sites@',
      'Microsoft.KeyVault/vaults@',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@',
    ]) {
      expect(all).toContain(type);
    }
    expect(all).toContain("paths: [ '/pk' ]");
    expect(all).toContain('disableLocalAuth: true');
  });

  it('configures the web app as the server expects (Node 20, npm run serve, managed identity)', () => {
    const web = readFileSync(path.join(infra, 'modules', 'web-app.bicep'), 'utf8');
    expect(web).toContain("linuxFxVersion: 'NODE|20-lts'");
    expect(web).toContain("appCommandLine: 'npm run serve'");
    expect(web).toContain("identity: { type: 'SystemAssigned' }");
    const bot = readFileSync(path.join(infra, 'modules', 'bot.bicep'), 'utf8');
    expect(bot).toContain("name: 'MsTeamsChannel'");
  });

  it('sets every app setting the server needs, with secrets as Key Vault references only', () => {
    const settings = readFileSync(path.join(infra, 'modules', 'app-settings.bicep'), 'utf8');
    const expected: Record<string, RegExp> = {
      NODE_ENV: /'production'/,
      AUTH_MODE: /'sso'/,
      STORE_KIND: /'cosmos'/,
      COSMOS_ENDPOINT: /cosmosEndpoint/,
      COSMOS_DATABASE: /'guildhall'/,
      FLUID_MODE: /'azure'/,
      FLUID_ENDPOINT: /fluidEndpoint/,
      FLUID_TENANT_ID: /fluidTenantId/,
      FLUID_TENANT_KEY: /^'@Microsoft\.KeyVault\(SecretUri=/,
      BOT_PASSWORD: /^'@Microsoft\.KeyVault\(SecretUri=/,
      ICS_LINK_SECRET: /^'@Microsoft\.KeyVault\(SecretUri=/,
      BOT_ID: /botId/,
      BOT_TENANT_ID: /botTenantId/,
      AAD_APP_CLIENT_ID: /aadAppClientId/,
      TAB_DOMAIN: /defaultHostName/,
      PUBLIC_URL: /defaultHostName/,
      TRUST_PROXY: /'1'/,
    };
    for (const [name, value] of Object.entries(expected)) {
      const line = new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(settings);
      expect([name, line?.[1]]).toEqual([name, expect.stringMatching(value)]);
    }
    // The settings wait for the role assignments, so the references resolve on first start.
    expect(readFileSync(path.join(infra, 'main.bicep'), 'utf8')).toMatch(
      /module settings [^\n]+\n[^\n]+\n\s*dependsOn: \[ access \]/,
    );
  });

  it('keeps secrets out of the parameters file (toolkit placeholders only)', () => {
    const params = JSON.parse(readFileSync(path.join(infra, 'main.parameters.json'), 'utf8')).parameters as Record<
      string,
      { value: unknown }
    >;
    for (const [name, { value }] of Object.entries(params)) {
      if (/secret|password|key/i.test(name))
        expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{\{[A-Z0-9_]+\}\}$/)]);
    }
  });
});
