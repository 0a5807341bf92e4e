package org.framescope.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of int keys in an open-addressing table of primitive ints: a task's shingle counts,
 * where a {@code HashMap<Integer, Integer>} would hold two objects per shingle.
 */
final class IntCounts {
  private static final int EMPTY = Integer.MIN_VALUE;
  private int[] keys;
  private int[] values;
  private int size;
  private boolean hasEmptyKey;
  private int emptyKeyCount;

  IntCounts() {
    allocate(1 << 16);
  }

  void add(int key) {
    if (key == EMPTY) {
      hasEmptyKey = true;
      emptyKeyCount++;
      return;
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        values[i]++;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The keys counted at least {@code least} times. */
  List<Integer> atLeast(int least) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && values[i] >= least) {
        out.add(keys[i]);
      }
    }
    if (hasEmptyKey && emptyKeyCount >= least) {
      out.add(EMPTY);
    }
    return out;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    allocate(keys.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        size++;
      }
    }
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    values = new int[capacity];
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
