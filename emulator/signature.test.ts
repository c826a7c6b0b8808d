// The signature code against the worked example of Tencent's public "Signature v3" documentation (TencentCloud
// API 3.0: CVM DescribeInstances in ap-guangzhou, X-TC-Timestamp 1551113065, SecretKey
// Gu5t9xGARNpq86cd98joQYCN3EXAMPLE). Every intermediate value below is the document's own.
import { describe, expect, it } from 'vitest';
import {
  authorizationFor,
  canonicalRequest,
  parseAuthorization,
  sha256Hex,
  signatureMatches,
  signatureOf,
  stringToSign,
  utcDate,
  type ParsedAuthorization,
  type SignedRequest,
} from './signature.js';

const DOC = {
  secretId: 'AKID**********************0123456789EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  timestamp: 1551113065,
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  hashedPayload: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  canonicalRequest: [
    'POST', '/', '',
    'content-type:application/json; charset=utf-8', 'host:cvm.tencentcloudapi.com', '',
    'content-type;host',
    '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  ].join('\n'),
  hashedCanonicalRequest: '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
  credentialScope: '2019-02-25/cvm/tc3_request',
  signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  authorization:
    'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
};

describe("Tencent's published TC3-HMAC-SHA256 example", () => {
  it('hashes the payload, builds the canonical request and the string to sign as documented', () => {
    expect(sha256Hex(DOC.payload)).toBe(DOC.hashedPayload);
    const canonical = canonicalRequest({
      method: 'POST', path: '/', query: '',
      headers: { host: DOC.host, 'content-type': DOC.contentType },
      signedHeaders: ['host', 'content-type'], // order given does not matter: sorted
      payload: DOC.payload,
    });
    expect(canonical).toBe(DOC.canonicalRequest);
    expect(sha256Hex(canonical)).toBe(DOC.hashedCanonicalRequest);
    expect(utcDate(DOC.timestamp)).toBe('2019-02-25'); // 00:44:25 on the 26th in UTC+8, still the 25th in UTC
    expect(stringToSign(DOC.timestamp, DOC.credentialScope, canonical)).toBe(
      `TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n${DOC.hashedCanonicalRequest}`,
    );
  });

  it('derives the documented signature and Authorization header', () => {
    const toSign = stringToSign(DOC.timestamp, DOC.credentialScope, DOC.canonicalRequest);
    expect(signatureOf(DOC.secretKey, '2019-02-25', 'cvm', toSign)).toBe(DOC.signature);
    expect(authorizationFor({ ...DOC, service: 'cvm' })).toBe(DOC.authorization);
  });

  it('verifies the documented request, and nothing that differs from it', () => {
    const auth = parseAuthorization(DOC.authorization) as ParsedAuthorization;
    expect(auth).toMatchObject({ secretId: DOC.secretId, date: '2019-02-25', service: 'cvm', signedHeaders: ['content-type', 'host'] });
    const request: SignedRequest = {
      method: 'POST', path: '/', query: '',
      headers: { host: DOC.host, 'content-type': DOC.contentType, 'x-tc-action': 'DescribeInstances' },
      body: Buffer.from(DOC.payload), timestamp: DOC.timestamp, authorization: auth,
    };
    expect(signatureMatches(request, DOC.secretKey)).toBe(true);

    const variants: [string, SignedRequest, string?][] = [
      ['another key', request, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLF'],
      ['one body byte changed', { ...request, body: Buffer.from(DOC.payload.replace('"Limit": 1', '"Limit": 2')) }],
      ['another timestamp, same day', { ...request, timestamp: DOC.timestamp + 1 }],
      ['a timestamp of another UTC day than the scope', { ...request, timestamp: DOC.timestamp + 86_400 }],
      ['another host', { ...request, headers: { ...request.headers, host: 'cvm.ap-guangzhou.tencentcloudapi.com' } }],
      ['another content type', { ...request, headers: { ...request.headers, 'content-type': 'application/json' } }],
      ['a GET', { ...request, method: 'GET' }],
      ['another path', { ...request, path: '/v2' }],
      ['a query string', { ...request, query: 'Limit=1' }],
      ['a signed header that was not sent', { ...request, headers: { 'content-type': DOC.contentType } }],
      ['another service in the scope', { ...request, authorization: { ...auth, service: 'tcmpp', credentialScope: '2019-02-25/tcmpp/tc3_request' } }],
    ];
    for (const [why, variant, key] of variants) {
      expect(signatureMatches(variant, key ?? DOC.secretKey), why).toBe(false);
    }
  });

  it('refuses every single-digit change of the signature', () => {
    const auth = parseAuthorization(DOC.authorization) as ParsedAuthorization;
    const base: SignedRequest = {
      method: 'POST', path: '/', query: '', headers: { host: DOC.host, 'content-type': DOC.contentType },
      body: Buffer.from(DOC.payload), timestamp: DOC.timestamp, authorization: auth,
    };
    for (let i = 0; i < DOC.signature.length; i++) {
      const digit = DOC.signature[i] === '0' ? '1' : '0';
      const signature = DOC.signature.slice(0, i) + digit + DOC.signature.slice(i + 1);
      expect(signatureMatches({ ...base, authorization: { ...auth, signature } }, DOC.secretKey)).toBe(false);
    }
  });
});

describe('host and port, as the SDKs sign them', () => {
  const timestamp = 1_790_000_000;
  const payload = '{"PlatformId":"T04257DS9431720WTAG"}';
  const request = (authorization: string, host: string): SignedRequest => ({
    method: 'POST', path: '/', query: '', headers: { host, 'content-type': 'application/json' },
    body: Buffer.from(payload), timestamp, authorization: parseAuthorization(authorization) as ParsedAuthorization,
  });

  it('accepts host signed without the port (the Node SDKs) and with it, and reads the service from the scope', () => {
    const sdkStyle = authorizationFor({ secretId: 'AKIDx', secretKey: 'k', service: '127', host: '127.0.0.1', timestamp, payload });
    expect(signatureMatches(request(sdkStyle, '127.0.0.1:9000'), 'k')).toBe(true);
    const withPort = authorizationFor({ secretId: 'AKIDx', secretKey: 'k', service: 'tcmpp', host: '127.0.0.1:9000', timestamp, payload });
    expect(signatureMatches(request(withPort, '127.0.0.1:9000'), 'k')).toBe(true);
    const otherHost = authorizationFor({ secretId: 'AKIDx', secretKey: 'k', service: '127', host: '127.0.0.2', timestamp, payload });
    expect(signatureMatches(request(otherHost, '127.0.0.1:9000'), 'k')).toBe(false);
  });
});

describe('parseAuthorization', () => {
  it('names what is wrong with a malformed header', () => {
    const cases: [string, RegExp][] = [
      ['Bearer abc', /signature method Bearer is not supported/],
      ['TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, Signature=' + 'a'.repeat(64), /needs Credential, SignedHeaders and Signature/],
      ['TC3-HMAC-SHA256 Credential=AKID/2019-02-25/tc3_request, SignedHeaders=content-type;host, Signature=' + 'a'.repeat(64), /SecretId\/Date\/Service\/tc3_request/],
      ['TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=XYZ', /64 lowercase hex/],
      ['nonsense', /not "TC3-HMAC-SHA256/],
    ];
    for (const [header, problem] of cases) {
      const parsed = parseAuthorization(header);
      expect('problem' in parsed ? parsed.problem : '', header).toMatch(problem);
    }
  });
});
