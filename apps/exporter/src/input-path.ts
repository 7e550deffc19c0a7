/**
 * What --dataset and --data may name (@encrochat-ledger/core's `inputKind`, which every tool uses):
 * a regular file or a folder. A FIFO (opening it waits forever), a device (/dev/zero never ends) and
 * anything under /proc, /sys or /dev are refused before they are opened, as a UsageError naming the
 * flag and the path.
 */
import { inputKind, UsageError as CoreUsageError } from '@encrochat-ledger/core';
import { UsageError } from './errors.js';

/** Whether `abs`, given with `flag`, is a file or a folder; a UsageError for anything else. */
export function inputPathKind(abs: string, flag: string): 'file' | 'folder' {
  try {
    return inputKind(abs, `${flag} ${abs}`);
  } catch (error) {
    if (error instanceof CoreUsageError) throw new UsageError(error.message);
    throw error;
  }
}
