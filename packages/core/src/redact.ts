/**
 * Redaction: no secret value may reach any output. Engines register values with a Redactor and
 * every writer passes its text through it.
 */
export const REDACTED = 'REDACTED'

/**
 * Shows at most a short prefix of long values (as gitleaks' --redact=N does) so a reader can tell
 * two findings apart: at most `keepPrefix` characters and never more than an eighth of the value;
 * values under 16 characters are hidden completely.
 */
export function redactSecret(secret: string, keepPrefix = 0): string {
  if (keepPrefix <= 0 || secret.length < 16) return REDACTED
  const keep = Math.min(keepPrefix, Math.floor(secret.length / 8))
  return secret.slice(0, keep) + '…' + REDACTED
}

export class Redactor {
  private readonly secrets = new Set<string>()
  private pattern: RegExp | undefined

  /** Values shorter than 4 characters would redact ordinary text; they are not registered. */
  add(secret: string): void {
    if (secret.length < 4 || this.secrets.has(secret)) return
    this.secrets.add(secret)
    this.pattern = undefined
  }

  get size(): number {
    return this.secrets.size
  }

  values(): IterableIterator<string> {
    return this.secrets.values()
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text
    if (!this.pattern) {
      // Longest first, so a secret containing another is replaced whole.
      const alternatives = [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      this.pattern = new RegExp(alternatives.join('|'), 'g')
    }
    return text.replace(this.pattern, REDACTED)
  }
}
