import { describe, expect, it } from 'vitest';
import { storageErrorText } from './savedWork';

describe('saved work errors in words', () => {
  it('should say a full quota and what to do', () => {
    expect(storageErrorText(new DOMException('quota', 'QuotaExceededError'))).toMatch(
      /storage for this page is full: delete/,
    );
  });

  it('should say a window cannot keep saved work (private browsing, storage off)', () => {
    expect(storageErrorText(new DOMException('denied', 'SecurityError'))).toMatch(/cannot keep saved work/);
    expect(storageErrorText(new Error('This browser has no indexedDB.'))).toMatch(/cannot keep saved work/);
  });

  it('should pass any other failure on with its message', () => {
    expect(storageErrorText(new Error('disk on fire'))).toBe('The browser could not save: disk on fire');
  });
});
