// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;

/**
 * Reads JSON values into attribute values as they are: a string stays a string (no guessing of
 * dates), an integer literal an integer, a number with a fraction or exponent a double, arrays and
 * objects lists and maps.
 */
final class JsonValues {

  private JsonValues() {}

  /** Reads the value at the parser's current token, consuming it. */
  static AttributeValue read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING:
        return new StringValue(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
          case LONG:
            return new IntegerValue(p.getLongValue());
          default:
            return new DoubleValue(p.getDoubleValue()); // beyond a long
        }
      case VALUE_NUMBER_FLOAT:
        return new DoubleValue(p.getDoubleValue());
      case VALUE_TRUE:
        return BooleanValue.TRUE;
      case VALUE_FALSE:
        return BooleanValue.FALSE;
      case VALUE_NULL:
        return NullValue.INSTANCE;
      case START_ARRAY:
        List<AttributeValue> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return new ListValue(list);
      case START_OBJECT:
        return new MapValue(readObject(p));
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  /** Reads the object at the parser's current START_OBJECT token into attributes. */
  static Attributes readObject(JsonParser p) throws IOException {
    Attributes.Builder b = Attributes.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      b.put(name, read(p));
    }
    return b.build();
  }

  /** Reads an array of numbers at the current START_ARRAY token. */
  static double[] readNumbers(JsonParser p) throws IOException {
    org.twin4j.citygml.internal.DoubleList out = new org.twin4j.citygml.internal.DoubleList();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (!p.currentToken().isNumeric()) {
        throw new IOException("expected a number, found " + p.currentToken());
      }
      out.add(p.getDoubleValue());
    }
    return out.toArray();
  }
}
