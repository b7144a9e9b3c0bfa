// docs/compatibility.md and the shipped declarations, held against the device SDK's member lists.
// The lists below are facts from the newest @ohos.net.http / @ohos.net.connection / @kit.NetworkKit
// declarations (ArkTS int/long/double written number, Array<T> written T[], single quotes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import http from 'ohos-net-http';
import * as kit from 'ohos-net-http/kit';
import { repoRoot } from './helpers/servers.js';
import { OFFICIAL_CONNECTION_FUNCTIONS, OFFICIAL_CONNECTION_ENUMS, OFFICIAL_KIT_EXPORTS } from './helpers/official-connection.js';

const OFFICIAL_HTTP: Readonly<Record<string, readonly string[]>> = {
  Namespace: [
    'createHttp', 'createHttpResponseCache', 'HttpInterceptorChain', 'RequestMethod', 'ResponseCode', 'HttpProtocol',
    'HttpDataType', 'CertType', 'TlsVersion', 'AddressFamily', 'InterceptorType',
  ],
  HttpRequest: [
    'request(url: string, callback: AsyncCallback<HttpResponse>): void',
    'request(url: string, options: HttpRequestOptions, callback: AsyncCallback<HttpResponse>): void',
    'request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>',
    'requestSync(url: string, options?: HttpRequestOptions): HttpResponse',
    'requestInStream(url: string, callback: AsyncCallback<number>): void',
    'requestInStream(url: string, options: HttpRequestOptions, callback: AsyncCallback<number>): void',
    'requestInStream(url: string, options?: HttpRequestOptions): Promise<number>',
    'destroy(): void',
    "on(type: 'headerReceive', callback: AsyncCallback<Object>): void",
    "off(type: 'headerReceive', callback?: AsyncCallback<Object>): void",
    "on(type: 'headersReceive', callback: Callback<Object>): void",
    "off(type: 'headersReceive', callback?: Callback<Object>): void",
    "once(type: 'headersReceive', callback: Callback<Object>): void",
    "on(type: 'dataReceive', callback: Callback<ArrayBuffer>): void",
    "off(type: 'dataReceive', callback?: Callback<ArrayBuffer>): void",
    "on(type: 'dataEnd', callback: Callback<void>): void",
    "off(type: 'dataEnd', callback?: Callback<void>): void",
    "on(type: 'dataReceiveProgress', callback: Callback<DataReceiveProgressInfo>): void",
    "off(type: 'dataReceiveProgress', callback?: Callback<DataReceiveProgressInfo>): void",
    "on(type: 'dataSendProgress', callback: Callback<DataSendProgressInfo>): void",
    "off(type: 'dataSendProgress', callback?: Callback<DataSendProgressInfo>): void",
    'enableAutoCookie(enable: boolean): void',
  ],
  HttpRequestOptions: [
    'method?: RequestMethod', 'extraData?: string | Object | ArrayBuffer', 'expectDataType?: HttpDataType',
    'usingCache?: boolean', 'priority?: number', 'header?: Object', 'readTimeout?: number', 'connectTimeout?: number',
    'usingProtocol?: HttpProtocol', 'usingProxy?: boolean | HttpProxy', 'caPath?: string', 'caData?: string',
    'sslType?: SslType', 'clientEncCert?: ClientCert', 'resumeFrom?: number', 'resumeTo?: number',
    'clientCert?: ClientCert', 'dnsOverHttps?: string', 'dnsServers?: string[]', 'maxLimit?: number',
    'multiFormDataList?: MultiFormData[]', 'certificatePinning?: CertificatePinning | CertificatePinning[]',
    'remoteValidation?: RemoteValidation', 'tlsOptions?: TlsOptions', 'serverAuthentication?: ServerAuthentication',
    'addressFamily?: AddressFamily', 'sniHostName?: string', 'maxRedirects?: number', 'customMethod?: string',
    'pathPreference?: PathPreference', 'reuseConnections?: boolean', 'inactivityMs?: number',
    'usingSocks5Proxy?: Socks5Proxy', 'enablePartialChain?: boolean', 'queryParams?: string | QueryParamObject',
    'body?: string | Object | ArrayBuffer',
  ],
  HttpResponse: [
    'result: string | Object | ArrayBuffer', 'resultType: HttpDataType', 'responseCode: ResponseCode | number',
    'header: Object', 'cookies: string', 'performanceTiming: PerformanceTiming', 'connectionExtraInfo?: ConnectionExtraInfo',
  ],
  HttpResponseCache: [
    'flush(callback: AsyncCallback<void>): void', 'flush(): Promise<void>',
    'delete(callback: AsyncCallback<void>): void', 'delete(): Promise<void>',
  ],
  HttpInterceptorChain: [
    'getChain(): HttpInterceptor[]', 'addChain(chain: HttpInterceptor[]): boolean', 'apply(httpRequest: HttpRequest): boolean',
  ],
};

const doc = readFileSync(join(repoRoot, 'docs', 'compatibility.md'), 'utf8');
const apiDir = join(repoRoot, 'dist', 'api');
const declarations = readdirSync(apiDir)
  .filter((f) => f.endsWith('.d.ts'))
  .map((f) => ts.createSourceFile(f, readFileSync(join(apiDir, f), 'utf8'), ts.ScriptTarget.Latest, true));

const normalize = (text: string): string => text.replace(/\/\/[^\n]*\n/g, '').replace(/\s+/g, ' ').replace(/"/g, "'").replace(/;$/, '').trim();

/** The members of an interface of the shipped declarations, each as normalized signature text. */
function shippedSignatures(name: string): string[] {
  for (const sf of declarations) {
    const found = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (found !== undefined) return found.members.map((m) => normalize(m.getText(sf).replace(/\/\*\*[\s\S]*?\*\//g, '')));
  }
  assert.fail(`interface ${name} is declared`);
}

/** The member name at the start of a signature. */
const nameOf = (signature: string): string => /^[A-Za-z_$][\w$]*/.exec(signature)?.[0] ?? signature;

/** A row of the table in `section` that names `name` in its first cell. */
function rowFor(section: string, name: string): string | undefined {
  const start = doc.indexOf(`\n## ${section}\n`);
  assert.ok(start >= 0, `section "${section}" exists`);
  const end = doc.indexOf('\n## ', start + 4);
  const body = doc.slice(start, end < 0 ? undefined : end);
  return body.split('\n').find((line) => line.startsWith(`| \`${name}\``));
}

function assertRows(section: string, names: Iterable<string>, statuses: RegExp): void {
  for (const name of names) {
    const row = rowFor(section, name);
    assert.ok(row !== undefined, `${section}: no row for \`${name}\``);
    assert.match(row, statuses, `${section}: \`${name}\` has no status`);
  }
}

const HTTP_STATUS = /\| (supported|adapted|not applicable|partial)\b/i;

describe('the http declarations against the SDK member list', () => {
  for (const section of ['HttpRequest', 'HttpRequestOptions', 'HttpResponse', 'HttpResponseCache', 'HttpInterceptorChain']) {
    it(`${section} declares every SDK member with the SDK signature, and nothing else`, () => {
      const shipped = shippedSignatures(section);
      const official = OFFICIAL_HTTP[section] ?? [];
      for (const signature of official) assert.ok(shipped.includes(signature), `${section}: missing \`${signature}\``);
      for (const signature of shipped) assert.ok(official.includes(signature), `${section}: \`${signature}\` is not in the SDK`);
    });
  }

  it('the namespace object holds every SDK value', () => {
    for (const name of OFFICIAL_HTTP.Namespace ?? []) assert.ok(name in http, `http.${name}`);
  });
});

describe('docs/compatibility.md', () => {
  it('lists every SDK member of the http namespace, and every value the package exports, with a status', () => {
    assertRows('Namespace', new Set([...(OFFICIAL_HTTP.Namespace ?? []), ...Object.keys(http).filter((k) => k !== 'default')]), HTTP_STATUS);
  });

  for (const section of ['HttpRequest', 'HttpRequestOptions', 'HttpResponse', 'HttpResponseCache', 'HttpInterceptorChain']) {
    it(`lists every SDK ${section} member with a status`, () => {
      assertRows(section, new Set((OFFICIAL_HTTP[section] ?? []).map(nameOf)), HTTP_STATUS);
    });
  }

  it('lists every SDK event with a status', () => {
    const events = (OFFICIAL_HTTP.HttpRequest ?? []).map((s) => /^on\(type: '(\w+)'/.exec(s)?.[1]).filter((e) => e !== undefined);
    assert.equal(events.length, 6);
    assertRows('Events', events, HTTP_STATUS);
  });

  it('lists every SDK connection function and enum with a status', () => {
    assertRows('connection', [...OFFICIAL_CONNECTION_FUNCTIONS.map((f) => f.name), ...OFFICIAL_CONNECTION_ENUMS], /\| (supported|adapted|not available)\b/i);
  });

  it('lists every @kit.NetworkKit export with a status', () => {
    assertRows('@kit.NetworkKit', OFFICIAL_KIT_EXPORTS, /\| (supported|partial|not available)\b/i);
    for (const name of OFFICIAL_KIT_EXPORTS) assert.ok(name in kit, `kit exports ${name}`);
  });
});
