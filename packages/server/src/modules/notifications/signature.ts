import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A webhook's signing secret: 32 random bytes, shown once at creation. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret: the timestamp is signed with the
 * body so a receiver that also checks it is recent cannot be fooled by a replayed old request.
 */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute the signature and compare in constant time. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
