// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.citygml4j.core.model.CityGMLVersion;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.module.citygml.CityGMLModules;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citygml4j.xml.reader.CityGMLReader;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.xmlobjects.XMLObjects;

/**
 * Walks a CityGML document with StAX and has citygml4j build each feature found in a member
 * property of the root {@code CityModel} (or the root itself when it is a single feature). Each
 * feature is built from a view of the stream that ends with the feature, so nothing is buffered.
 * The header (version, id, name, description, envelope srsName) is collected on the way to the
 * first feature. Not thread-safe: one thread drives it, directly or through {@link #run}.
 *
 * <p>Where it can, the parser reads parts of a feature itself, faster than citygml4j's generic
 * builders ({@link ParserTables}): the numbers of rings and texture coordinates, and the surface
 * geometries of geometry properties ({@link SurfaceParser}). When a geometry holds something {@link
 * SurfaceParser} does not read, the parser opens the file again, passes over the features already
 * handed over, and reads the rest with citygml4j building every geometry: the result is the same
 * either way, at the cost of one more pass over the part already read.
 */
final class GmlParser {

  /** What the parser hands over. */
  sealed interface Item permits Parsed, Warning, Failure, End {}

  /**
   * A built feature, the number lists the parser read for it, the header as known when it was met
   * and where it started.
   */
  record Parsed(AbstractFeature feature, ParserTables lists, Header header, SourceLocation location)
      implements Item {}

  /** A problem the parser met and went past. */
  record Warning(String kind, String message, SourceLocation location) implements Item {}

  /** The error that ended parsing. */
  record Failure(IOException error) implements Item {}

  /** The end of the document. */
  record End(Header header) implements Item {}

  /** What the document says about itself before its first feature. */
  record Header(
      String version,
      @Nullable String identifier,
      @Nullable String title,
      @Nullable String description,
      @Nullable String crsText) {}

  private final Path file;
  private final String source;
  private InputStream in;
  private XMLStreamReader xml;
  private final CityGMLInputFactory factory;

  /** The view of the current feature, and citygml4j's reader on it; made at the first feature. */
  private @Nullable Subtree view;

  private @Nullable CityGMLReader features;
  private final XMLObjects objects;
  private final boolean readNumbers;

  /** Whether geometry properties are read by {@link SurfaceParser}; off after a restart. */
  private boolean ownGeometry;

  /** Items handed over (features and skipped-feature warnings), counted since the last restart. */
  private long items;

  /** Items handed over before the last restart, passed over again without being handed over. */
  private long skipItems;

  /** How often reading started over because a geometry was left to citygml4j. */
  private int restarts;

  /** The text of the number list being read, and its numbers. */
  final NumberText numberText = new NumberText();

  private String version = "unknown";
  private @Nullable String identifier;
  private @Nullable String title;
  private @Nullable String description;
  private @Nullable String crsText;
  private boolean inHeader = true;
  private boolean ended;

  /** Element depth: 1 is the root, 2 its properties, 3 the features in them. */
  private int depth;

  /** The local name of the current root property (cityObjectMember, boundedBy ...). */
  private String property = "";

  private GmlParser(Path file, CityGMLContext context, boolean readNumbers) throws IOException {
    this.file = file;
    this.source = file.toString();
    this.objects = context.getXMLObjects();
    this.readNumbers = readNumbers;
    this.ownGeometry = readNumbers;
    try {
      this.factory =
          context
              .createCityGMLInputFactory(safeXml())
              .createGenericADEContent(true)
              .failOnMissingADESchema(false);
    } catch (CityGMLReadException e) {
      throw new IOException("cannot set up the CityGML parser: " + e.getMessage(), e);
    }
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    this.xml = streamOf(in);
  }

  /** A safe XML stream on an input, closed (and a malformed start reported) if it cannot start. */
  private XMLStreamReader streamOf(InputStream input) throws IOException {
    try {
      return safeXml().createXMLStreamReader(input);
    } catch (XMLStreamException e) {
      input.close();
      throw malformed(e, null);
    }
  }

  /**
   * Takes the srsName of a start element as the file's CRS when the file named none before it (a
   * file without a model envelope: the CRS of its first geometry).
   */
  void noteSrsName(XMLStreamReader r) {
    if (crsText == null) {
      crsText = r.getAttributeValue(null, "srsName");
    }
  }

  /**
   * Opens a file.
   *
   * @param file the file
   * @param context citygml4j's context
   * @param readNumbers whether the parser reads rings' and texture coordinates' numbers itself
   *     ({@link ParserTables}) instead of citygml4j
   * @return the parser
   * @throws IOException if the file cannot be opened or its start is malformed
   */
  static GmlParser open(Path file, CityGMLContext context, boolean readNumbers) throws IOException {
    return new GmlParser(file, context, readNumbers);
  }

  /**
   * XML input factories that never resolve external entities or DTDs, one per thread (making one
   * costs).
   */
  private static final ThreadLocal<XMLInputFactory> SAFE_XML =
      ThreadLocal.withInitial(
          () -> {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
            f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
            return f;
          });

  private static XMLInputFactory safeXml() {
    return SAFE_XML.get();
  }

  /**
   * Parses everything into a queue, ending with {@link End} or {@link Failure}; stops when
   * interrupted.
   */
  void run(BlockingQueue<Item> queue) {
    try {
      Item item;
      do {
        item = next();
        queue.put(item);
      } while (!(item instanceof End || item instanceof Failure));
    } catch (InterruptedException e) {
      // the reader was closed
    } catch (Error e) {
      // out of memory or a stack overflow: the reader must not wait for an item that never comes
      try {
        queue.put(
            new Failure(new IOException("the CityGML parser failed on " + source + ": " + e, e)));
      } catch (InterruptedException ignored) {
        // the reader was closed
      }
    }
  }

  /** The next item; after {@link End} or {@link Failure}, End again. */
  Item next() {
    if (ended) {
      return new End(header());
    }
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          Item item = startElement();
          if (item != null) {
            return item;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      ended = true;
      return new End(header());
    } catch (XMLStreamException e) {
      ended = true;
      return new Failure(malformed(e, xml.getLocation()));
    } catch (CityGMLReadException e) {
      ended = true;
      return new Failure(translate(e));
    } catch (java.io.UncheckedIOException e) {
      ended = true;
      return new Failure(e.getCause());
    } catch (RuntimeException e) {
      ended = true;
      return new Failure(new TwinFormatException(here(), "unreadable CityGML content: " + e, e));
    }
  }

  private Header header() {
    return new Header(version, identifier, title, description, crsText);
  }

  private @Nullable Item startElement() throws XMLStreamException, CityGMLReadException {
    if (depth == 1) {
      version = versionOf(xml.getNamespaceURI());
      identifier = gmlId();
      if (!xml.getLocalName().equals("CityModel") && isFeature()) {
        return passedOver() ? null : feature(); // a document whose root is a single feature
      }
      return null;
    }
    if (depth == 2) {
      property = xml.getLocalName();
      if (inHeader && (property.equals("name") || property.equals("description"))) {
        String text = xml.getElementText().strip(); // moves to the end element
        depth--;
        if (property.equals("name") && title == null) {
          title = text;
        } else if (property.equals("description")) {
          description = text;
        }
      }
      return null;
    }
    if (depth == 3) {
      if (property.equals("boundedBy")) {
        if (crsText == null && xml.getLocalName().equals("Envelope")) {
          crsText = xml.getAttributeValue(null, "srsName");
        }
      } else if (isFeature()) {
        return passedOver() ? null : feature();
      } else if (property.endsWith("Member") || property.endsWith("Members")) {
        if (passedOver()) {
          return null;
        }
        items++;
        Warning w =
            new Warning(
                "skipped feature",
                "unknown feature {"
                    + xml.getNamespaceURI()
                    + "}"
                    + xml.getLocalName()
                    + " (an ADE without a registered module?); skipped",
                here());
        skipElement();
        return w;
      }
    }
    return null;
  }

  private @Nullable Parsed feature() throws CityGMLReadException {
    SourceLocation at = here();
    inHeader = false;
    ParserTables lists = new ParserTables();
    if (view == null) {
      // one view and one citygml4j reader for the whole file: the reader keeps the object
      // builders it made for one feature for the next
      view = new Subtree(xml, this);
      features = factory.createCityGMLReader(view);
    }
    view.reset(readNumbers ? lists : null, ownGeometry);
    AbstractFeature f;
    try {
      f = features.next();
    } catch (CityGMLReadException | RuntimeException e) {
      if (!ownGeometry || !leftToCitygml4j(e)) {
        throw e;
      }
      // a geometry SurfaceParser does not read: start over, and from this feature on let
      // citygml4j read every geometry
      restart();
      return null;
    }
    depth--; // the view consumed the feature's end element
    items++;
    return new Parsed(f, lists, header(), at);
  }

  /**
   * After a restart, passes over an element handed over before it (a feature or a skipped one), and
   * says so.
   */
  private boolean passedOver() throws XMLStreamException {
    if (items >= skipItems) {
      return false;
    }
    items++;
    skipElement();
    return true;
  }

  private static boolean leftToCitygml4j(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SurfaceParser.Unsupported) {
        return true;
      }
    }
    return false;
  }

  /** Opens the file again and walks it from the start, passing over what was handed over. */
  private void restart() {
    try {
      close();
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      xml = streamOf(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    depth = 0;
    property = "";
    view = null;
    features = null;
    ownGeometry = false;
    skipItems = items;
    items = 0;
    restarts++;
  }

  /** How often reading started over (for tests). */
  int restarts() {
    return restarts;
  }

  private boolean isFeature() {
    return objects.getBuilder(xml.getName(), org.xmlobjects.gml.model.feature.AbstractFeature.class)
        != null;
  }

  private @Nullable String gmlId() {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String ns = xml.getAttributeNamespace(i);
      if (xml.getAttributeLocalName(i).equals("id")
          && ns != null
          && ns.startsWith("http://www.opengis.net/gml")) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  private SourceLocation here() {
    Location l = xml.getLocation();
    return SourceLocation.at(source, l.getLineNumber(), l.getColumnNumber());
  }

  private void skipElement() throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        level--;
      }
    }
    depth--;
  }

  private static String versionOf(@Nullable String namespace) {
    CityGMLVersion v = namespace == null ? null : CityGMLModules.getCityGMLVersion(namespace);
    return v == null ? "unknown" : v.toString();
  }

  private TwinFormatException malformed(XMLStreamException e, @Nullable Location fallback) {
    Location l = e.getLocation() != null ? e.getLocation() : fallback;
    SourceLocation at =
        l == null
            ? SourceLocation.of(source)
            : new SourceLocation(
                source, l.getLineNumber(), l.getColumnNumber(), l.getCharacterOffset(), null);
    return new TwinFormatException(at, "malformed CityGML: " + cleanMessage(e.getMessage()), e);
  }

  private TwinFormatException translate(CityGMLReadException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException && ((XMLStreamException) t).getLocation() != null) {
        return malformed((XMLStreamException) t, null);
      }
    }
    StringBuilder why = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().equals("Caused by:")) {
        why.append(why.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return new TwinFormatException(here(), "malformed CityGML: " + why, e);
  }

  private static String cleanMessage(@Nullable String m) {
    if (m == null) {
      return "parse error";
    }
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9).strip() : m.strip();
  }

  void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // the input stream is closed next
    } finally {
      in.close();
    }
  }

  /**
   * The part of a stream from the current start element to its end element, as a document of its
   * own; namespaces declared further out stay visible. Closing it leaves the stream open.
   *
   * <p>With {@link ParserTables} ({@link #reset}), the view reads parts of the feature itself:
   *
   * <ul>
   *   <li>The text of a {@code gml:posList} that is the first child of a {@code gml:LinearRing},
   *       and of an {@code app:textureCoordinates}: when the reader moves past such a start
   *       element, the view reads the whole text, and if every token is a number it keeps the
   *       numbers and shows one text event with the marker, else one with the text as it was; the
   *       element's end follows.
   *   <li>A geometry property ({@code lodXMultiSurface} or {@code lodXSolid} of a CityGML module)
   *       holding a surface geometry {@link SurfaceParser} reads: the view reads it on reaching the
   *       property's start and shows the property as a reference to the table (its other attributes
   *       kept), followed by the property's end. Content the parser leaves to citygml4j ends the
   *       feature with {@link SurfaceParser.Unsupported}.
   * </ul>
   */
  private static final class Subtree extends StreamReaderDelegate {
    private final GmlParser parser;
    private @Nullable ParserTables tables;
    private @Nullable SurfaceParser surfaces;
    private int state; // 0 before the element, 1 inside, 2 after
    private int level;

    /** Whether the current event starts a number list this view reads. */
    private boolean numberList;

    /** Whether the last start element was a gml:LinearRing with nothing in it yet. */
    private boolean ringOpen;

    /** The text event shown in place of a number list's text, or null. */
    private @Nullable String shown;

    /** The start of a geometry property shown in place of the one read, or null. */
    private @Nullable Start start;

    /**
     * The stream itself: the methods citygml4j calls per element read it directly rather than
     * through {@link StreamReaderDelegate}'s, whose call sites would be shared with citygml4j's own
     * delegate wrapped around this one.
     */
    private final XMLStreamReader in;

    Subtree(XMLStreamReader reader, GmlParser parser) {
      super(reader);
      this.in = reader;
      this.parser = parser;
    }

    /**
     * Makes the view show the element the stream stands on, as a new document.
     *
     * @param tables where what the view reads itself goes, or null to leave everything to citygml4j
     * @param geometry whether the view reads geometry properties too
     */
    void reset(@Nullable ParserTables tables, boolean geometry) {
      this.tables = tables;
      this.surfaces = tables == null || !geometry ? null : new SurfaceParser(in, parser, tables);
      state = 0;
      level = 0;
      numberList = false;
      ringOpen = false;
      shown = null;
      start = null;
    }

    /**
     * A start element as seen before the view read on: name, attributes, namespace declarations.
     */
    private static final class Start {
      final QName name;
      final QName[] attributeNames;
      final String[] attributeValues;
      final String[] namespacePrefixes;
      final String[] namespaceUris;

      Start(XMLStreamReader r) {
        name = r.getName();
        int n = r.getAttributeCount();
        attributeNames = new QName[n];
        attributeValues = new String[n];
        for (int i = 0; i < n; i++) {
          attributeNames[i] = r.getAttributeName(i);
          attributeValues[i] = r.getAttributeValue(i);
        }
        int m = r.getNamespaceCount();
        namespacePrefixes = new String[m];
        namespaceUris = new String[m];
        for (int i = 0; i < m; i++) {
          namespacePrefixes[i] = r.getNamespacePrefix(i);
          namespaceUris[i] = r.getNamespaceURI(i);
        }
      }

      /** The same start with a reference added. */
      Start withHref(String href) {
        return new Start(this, href);
      }

      private Start(Start s, String href) {
        name = s.name;
        int n = s.attributeNames.length;
        attributeNames = Arrays.copyOf(s.attributeNames, n + 1);
        attributeValues = Arrays.copyOf(s.attributeValues, n + 1);
        attributeNames[n] = new QName(SurfaceParser.XLINK, "href", "xlink");
        attributeValues[n] = href;
        namespacePrefixes = s.namespacePrefixes;
        namespaceUris = s.namespaceUris;
      }

      @Nullable String value(@Nullable String namespace, String localName) {
        for (int i = 0; i < attributeNames.length; i++) {
          QName a = attributeNames[i];
          if (a.getLocalPart().equals(localName)
              && (namespace == null || namespace.equals(a.getNamespaceURI()))) {
            return attributeValues[i];
          }
        }
        return null;
      }
    }

    @Override
    public int getAttributeCount() {
      Start s = start;
      return s != null ? s.attributeNames.length : in.getAttributeCount();
    }

    @Override
    public QName getAttributeName(int index) {
      Start s = start;
      return s != null ? s.attributeNames[index] : in.getAttributeName(index);
    }

    @Override
    public String getAttributeLocalName(int index) {
      Start s = start;
      return s != null ? s.attributeNames[index].getLocalPart() : in.getAttributeLocalName(index);
    }

    @Override
    public String getAttributeNamespace(int index) {
      Start s = start;
      if (s != null) {
        String ns = s.attributeNames[index].getNamespaceURI();
        return ns.isEmpty() ? null : ns;
      }
      return in.getAttributeNamespace(index);
    }

    @Override
    public String getAttributePrefix(int index) {
      Start s = start;
      return s != null ? s.attributeNames[index].getPrefix() : in.getAttributePrefix(index);
    }

    @Override
    public String getAttributeType(int index) {
      return start != null ? "CDATA" : in.getAttributeType(index);
    }

    @Override
    public boolean isAttributeSpecified(int index) {
      return start != null || in.isAttributeSpecified(index);
    }

    @Override
    public String getAttributeValue(int index) {
      Start s = start;
      return s != null ? s.attributeValues[index] : in.getAttributeValue(index);
    }

    @Override
    public String getAttributeValue(String namespaceUri, String localName) {
      Start s = start;
      return s != null
          ? s.value(namespaceUri, localName)
          : in.getAttributeValue(namespaceUri, localName);
    }

    @Override
    public QName getName() {
      Start s = start;
      return s != null ? s.name : in.getName();
    }

    @Override
    public String getLocalName() {
      Start s = start;
      return s != null ? s.name.getLocalPart() : in.getLocalName();
    }

    @Override
    public String getNamespaceURI() {
      Start s = start;
      return s != null ? s.name.getNamespaceURI() : in.getNamespaceURI();
    }

    @Override
    public String getPrefix() {
      Start s = start;
      return s != null ? s.name.getPrefix() : in.getPrefix();
    }

    @Override
    public boolean hasName() {
      return start != null || (shown == null && in.hasName());
    }

    @Override
    public int getNamespaceCount() {
      Start s = start;
      return s != null ? s.namespacePrefixes.length : in.getNamespaceCount();
    }

    @Override
    public String getNamespacePrefix(int index) {
      Start s = start;
      return s != null ? s.namespacePrefixes[index] : in.getNamespacePrefix(index);
    }

    @Override
    public String getNamespaceURI(int index) {
      Start s = start;
      return s != null ? s.namespaceUris[index] : in.getNamespaceURI(index);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
      return in.getNamespaceContext();
    }

    @Override
    public Location getLocation() {
      return in.getLocation();
    }

    @Override
    public int getEventType() {
      if (state != 1) {
        return state == 0 ? START_DOCUMENT : END_DOCUMENT;
      }
      return shown != null ? CHARACTERS : start != null ? START_ELEMENT : in.getEventType();
    }

    @Override
    public boolean hasNext() {
      return state != 2;
    }

    @Override
    public int next() throws XMLStreamException {
      if (state == 0) {
        state = 1;
        level = 1;
        return START_ELEMENT;
      }
      if (shown != null || start != null) {
        // the underlying reader already stands on the event after the one shown
        shown = null;
        start = null;
        return moved(in.getEventType());
      }
      if (level == 0) {
        state = 2;
        return END_DOCUMENT;
      }
      if (numberList) {
        numberList = false;
        return readNumbers();
      }
      return moved(in.next());
    }

    /** Bookkeeping of an event the underlying reader moved to. */
    private int moved(int e) throws XMLStreamException {
      if (e == START_ELEMENT) {
        level++;
        parser.noteSrsName(in);
        if (tables != null) {
          String name = in.getLocalName();
          String namespace = in.getNamespaceURI();
          boolean gml = isGml(namespace);
          numberList =
              (ringOpen && gml && name.equals("posList"))
                  || (name.equals("textureCoordinates") && isAppearance(namespace));
          ringOpen = gml && name.equals("LinearRing");
          if (surfaces != null && !gml && isGeometryProperty(namespace, name)) {
            readGeometryProperty();
          }
        }
      } else if (e == END_ELEMENT) {
        level--;
        ringOpen = false;
      }
      return e;
    }

    /**
     * On the start of a geometry property: reads its geometry if {@link SurfaceParser} can, and
     * sets up the start shown in its place; see the class comment.
     */
    private void readGeometryProperty() throws XMLStreamException {
      Start s = new Start(in);
      int e = skipToElement();
      if (e == START_ELEMENT
          && SurfaceParser.isRoot(in.getNamespaceURI(), in.getLocalName())
          && fits(s.name.getLocalPart(), in.getLocalName())) {
        if (s.value(SurfaceParser.XLINK, "href") != null) {
          throw new SurfaceParser.Unsupported("a geometry reference with content");
        }
        parser.noteSrsName(in);
        String href = tables.addGeometry(surfaces.read());
        if (skipToElement() != END_ELEMENT) {
          throw new SurfaceParser.Unsupported("two geometries in one property");
        }
        s = s.withHref(href);
      }
      // the property's end, or a child left to citygml4j, comes after the start shown
      start = s;
    }

    /**
     * Whether a property holds the geometry its schema names: a multi-surface property a
     * multi-surface, a solid property a solid; citygml4j has the rest.
     */
    private static boolean fits(String property, String geometry) {
      return property.substring(4).equals(geometry);
    }

    /** Moves past white space and comments to the next element event. */
    private int skipToElement() throws XMLStreamException {
      while (true) {
        int e = in.next();
        if (e == START_ELEMENT || e == END_ELEMENT) {
          return e;
        }
        if ((e == CHARACTERS || e == CDATA) && !in.isWhiteSpace()) {
          throw new SurfaceParser.Unsupported("text in a geometry property");
        }
      }
    }

    /** Reads a number list's text up to the next element event; see the class comment. */
    private int readNumbers() throws XMLStreamException {
      NumberText text = parser.numberText;
      int e = text.read(in);
      if (text.isEmpty()) {
        return moved(e);
      }
      double[] numbers = e == END_ELEMENT ? text.numbers() : null;
      shown = numbers != null ? tables.add(numbers) : text.text();
      return CHARACTERS;
    }

    @Override
    public String getText() {
      return shown != null ? shown : in.getText();
    }

    @Override
    public char[] getTextCharacters() {
      return shown != null ? shown.toCharArray() : in.getTextCharacters();
    }

    @Override
    public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length)
        throws XMLStreamException {
      if (shown == null) {
        return in.getTextCharacters(sourceStart, target, targetStart, length);
      }
      int n = Math.max(0, Math.min(length, shown.length() - sourceStart));
      shown.getChars(sourceStart, sourceStart + n, target, targetStart);
      return n;
    }

    @Override
    public int getTextStart() {
      return shown != null ? 0 : in.getTextStart();
    }

    @Override
    public int getTextLength() {
      return shown != null ? shown.length() : in.getTextLength();
    }

    @Override
    public boolean hasText() {
      return shown != null || (start == null && in.hasText());
    }

    @Override
    public boolean isCharacters() {
      return shown != null || (start == null && in.isCharacters());
    }

    @Override
    public boolean isStartElement() {
      return start != null || (shown == null && in.isStartElement());
    }

    @Override
    public boolean isEndElement() {
      return shown == null && start == null && in.isEndElement();
    }

    @Override
    public boolean isWhiteSpace() {
      return shown != null ? shown.isBlank() : start == null && in.isWhiteSpace();
    }

    @Override
    public int nextTag() throws XMLStreamException {
      int e = next();
      while ((e == CHARACTERS && isWhiteSpace())
          || e == SPACE
          || e == COMMENT
          || e == PROCESSING_INSTRUCTION) {
        e = next();
      }
      return e;
    }

    @Override
    public String getElementText() throws XMLStreamException {
      // StAX's contract, on top of this view's events
      StringBuilder b = new StringBuilder();
      int e = next();
      while (e != END_ELEMENT) {
        if (e == CHARACTERS || e == CDATA || e == SPACE || e == ENTITY_REFERENCE) {
          b.append(getText());
        } else if (e == START_ELEMENT) {
          throw new XMLStreamException("text only expected, found an element", getLocation());
        } else if (e == END_DOCUMENT) {
          throw new XMLStreamException("unexpected end of the feature", getLocation());
        }
        e = next();
      }
      return b.toString();
    }

    @Override
    public void close() {
      // the underlying stream goes on
    }
  }

  /**
   * Whether an element of a CityGML module is a geometry property {@link SurfaceParser} may read.
   */
  private static boolean isGeometryProperty(@Nullable String namespace, String localName) {
    if (namespace == null
        || !namespace.startsWith("http://www.opengis.net/citygml/")
        || localName.length() < 8
        || !localName.startsWith("lod")) {
      return false;
    }
    char level = localName.charAt(3);
    if (level < '0' || level > '4') {
      return false;
    }
    // not lodXGeometry: citygml4j moves what it holds to other properties by the geometry's type
    String kind = localName.substring(4);
    return kind.equals("MultiSurface") || kind.equals("Solid");
  }

  static boolean isGml(@Nullable String namespace) {
    return namespace != null
        && (namespace.equals("http://www.opengis.net/gml")
            || namespace.equals("http://www.opengis.net/gml/3.2"));
  }

  private static boolean isAppearance(@Nullable String namespace) {
    return namespace != null && namespace.startsWith("http://www.opengis.net/citygml/appearance/");
  }
}
