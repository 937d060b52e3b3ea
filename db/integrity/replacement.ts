import fs from 'node:fs';
import type { TrailHead } from '../backups/head';

/**
 * A restore or a 迁移包 import puts another file in place of the database, whose trail is not a
 * continuation of the one the newest backup holds (that backup is the 恢复前 / 导入前 copy). The
 * note, written beside the database just before the swap, tells the next open which head was
 * replaced on purpose; the open records it in the new file's own trail and anchors, then removes
 * the note.
 */
export interface ReplacementNote {
  how: 'restore' | 'import';
  /** The file the data came from, as the user picked it. */
  from: string;
  /** Where the replaced data was saved first. */
  savedAs: string;
  replaced: TrailHead;
}

export function replacementNoteFile(databaseFile: string): string {
  return `${databaseFile}.replaced.json`;
}

export function writeReplacementNote(databaseFile: string, note: ReplacementNote): void {
  const file = replacementNoteFile(databaseFile);
  fs.writeFileSync(file, JSON.stringify(note));
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readReplacementNote(databaseFile: string): ReplacementNote | null {
  try {
    const note = JSON.parse(fs.readFileSync(replacementNoteFile(databaseFile), 'utf8')) as ReplacementNote;
    return note && (note.how === 'restore' || note.how === 'import') && typeof note.replaced?.count === 'number' ? note : null;
  } catch {
    return null;
  }
}

export function removeReplacementNote(databaseFile: string): void {
  fs.rmSync(replacementNoteFile(databaseFile), { force: true });
}
