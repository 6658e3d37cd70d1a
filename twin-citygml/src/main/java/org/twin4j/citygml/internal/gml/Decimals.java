// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import org.twin4j.citygml.internal.DoubleList;

/**
 * Parses a whitespace-separated list of decimal numbers, such as the text of a {@code gml:posList},
 * giving exactly the doubles {@link Double#parseDouble} gives for each token.
 *
 * <p>Most coordinates in city models are short decimals ({@code 458877.234}): a token of at most 15
 * significant digits whose decimal exponent lies within ±22 is the quotient or product of two
 * doubles that are both exact (the digits, and a power of ten up to 10^22), so a single division or
 * multiplication, rounded once as IEEE 754 requires, is the correctly rounded value (Clinger's fast
 * path, <i>How to read floating point numbers accurately</i>, PLDI 1990). Every other token (more
 * digits, large exponents, {@code NaN}, {@code Infinity}, hexadecimal, a type suffix) goes to
 * {@link Double#parseDouble}. Tokens are separated by XML white space (space, tab, line feed,
 * carriage return), the separators xmlobjects splits on.
 */
final class Decimals {

  /** 10^0 ... 10^22: every one is a double without rounding. */
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  /** The largest integer below which every integer is a double: 2^53. */
  private static final long EXACT = 1L << 53;

  private Decimals() {}

  /**
   * Appends the numbers of a text to a list.
   *
   * @param text the characters
   * @param from the first character
   * @param to one past the last character
   * @param out where the numbers go
   * @return the number of numbers appended, or -1 if a token is not a number (what was appended
   *     before stays: the caller discards the list)
   */
  static int parse(char[] text, int from, int to, DoubleList out) {
    int count = 0;
    int i = from;
    while (true) {
      while (i < to && isSpace(text[i])) {
        i++;
      }
      if (i == to) {
        return count;
      }
      int start = i;
      while (i < to && !isSpace(text[i])) {
        i++;
      }
      double v = fast(text, start, i);
      if (Double.isNaN(v)) {
        try {
          v = Double.parseDouble(new String(text, start, i - start));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
      out.add(v);
      count++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  /**
   * A token of the form {@code [+-]digits[.digits][(e|E)[+-]digits]} within the exact range, or NaN
   * for every other token (NaN itself included: it then takes the slow route).
   */
  static double fast(char[] t, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (t[i] == '-' || t[i] == '+')) {
      negative = t[i] == '-';
      i++;
    }
    long digits = 0;
    int significant = 0; // digits counted from the first non-zero one
    int scale = 0; // digits after the point
    int seen = 0; // digits at all, leading zeros included
    boolean point = false;
    for (; i < to; i++) {
      char c = t[i];
      if (c >= '0' && c <= '9') {
        seen++;
        if (significant > 0 || c != '0') {
          if (++significant > 15) {
            return Double.NaN;
          }
          digits = digits * 10 + (c - '0');
        }
        if (point) {
          scale++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (seen == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < to) {
      if (t[i] != 'e' && t[i] != 'E') {
        return Double.NaN;
      }
      i++;
      boolean negativeExponent = false;
      if (i < to && (t[i] == '-' || t[i] == '+')) {
        negativeExponent = t[i] == '-';
        i++;
      }
      if (i == to) {
        return Double.NaN;
      }
      for (; i < to; i++) {
        char c = t[i];
        if (c < '0' || c > '9' || exponent > 1000) {
          return Double.NaN;
        }
        exponent = exponent * 10 + (c - '0');
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    int power = exponent - scale;
    double v;
    if (digits == 0) {
      v = 0;
    } else if (digits >= EXACT || power < -22 || power > 22) {
      return Double.NaN;
    } else if (power < 0) {
      v = digits / POWERS[-power];
    } else {
      v = digits * POWERS[power];
    }
    return negative ? -v : v;
  }
}
