// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.internal.DoubleList;

/**
 * The text of a number list element ({@code gml:posList}, {@code app:textureCoordinates}) as read
 * from a stream, and its numbers ({@link Decimals}). One buffer serves a whole file; not
 * thread-safe.
 */
final class NumberText {

  private char[] text = new char[1024];
  private int length;
  private final DoubleList numbers = new DoubleList(256);

  /**
   * Reads text (character and CDATA events; comments are passed over, as citygml4j does) up to the
   * next element event.
   *
   * @param r the stream, after a start element
   * @return the element event it stopped on
   * @throws XMLStreamException if the stream is malformed
   */
  int read(XMLStreamReader r) throws XMLStreamException {
    char[] t = text;
    int n = 0;
    while (true) {
      int e = r.next();
      if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        int k = r.getTextLength();
        if (n + k > t.length) {
          t = Arrays.copyOf(t, Math.max(2 * t.length, n + k));
          text = t;
        }
        r.getTextCharacters(0, t, n, k);
        n += k;
      } else if (e == XMLStreamConstants.START_ELEMENT || e == XMLStreamConstants.END_ELEMENT) {
        length = n;
        return e;
      }
    }
  }

  /** Whether the text read is empty. */
  boolean isEmpty() {
    return length == 0;
  }

  /** The text read. */
  String text() {
    return new String(text, 0, length);
  }

  /** The numbers of the text read, or null if it holds none or a token that is no number. */
  double @Nullable [] numbers() {
    numbers.clear();
    return Decimals.parse(text, 0, length, numbers) > 0 ? numbers.toArray() : null;
  }
}
