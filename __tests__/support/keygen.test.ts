// The sshd suites draw their client and host keys from generateKeyPair: every key it gives must be one
// the tool can parse, or those suites fail at random (ssh2's generator writes a malformed ed25519 key
// about once in 250; 2,000 draws without the redraw all but surely hit one).
import { describe, expect, it } from '@jest/globals';
import ssh2 from 'ssh2';
import { generateKeyPair } from './sshd.js';

describe('generateKeyPair', () => {
  it('gives only keys ssh2 parses (2,000 draws)', () => {
    let bad = 0;
    for (let i = 0; i < 2000; i++) {
      const parsed = ssh2.utils.parseKey(generateKeyPair().privateKey);
      if (parsed instanceof Error || (Array.isArray(parsed) && parsed.length === 0)) bad++;
    }
    expect(bad).toBe(0);
  });
});
