import { describe, expect, it } from 'vitest';
import { issuerIdentity, sameIssuer } from './issuer';

describe('the provider an issuer names', () => {
	it('is the issuer without trailing slashes', () => {
		expect(issuerIdentity('https://idp.example/x')).toBe('https://idp.example/x');
		expect(issuerIdentity('https://idp.example/x/')).toBe('https://idp.example/x');
		expect(issuerIdentity(new URL('https://idp.example'))).toBe('https://idp.example');
		expect(issuerIdentity('https://idp.example/')).toBe('https://idp.example');
		expect(issuerIdentity('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000');
	});

	it('tells the same provider apart from another', () => {
		expect(sameIssuer('https://idp.example/x', 'https://idp.example/x/')).toBe(true);
		expect(sameIssuer('https://IDP.example/x', 'https://idp.example/x')).toBe(true);
		expect(sameIssuer('https://idp.example/x', 'https://idp.example/y')).toBe(false);
		expect(sameIssuer('https://idp.example/x', 'http://idp.example/x')).toBe(false);
		expect(sameIssuer('https://idp.example/x', 'https://idp.example/X')).toBe(false);
	});
});
