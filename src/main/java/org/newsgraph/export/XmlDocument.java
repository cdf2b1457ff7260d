package org.newsgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written as it goes, through the JDK's {@link XMLStreamWriter} (which escapes
 * markup), indented two spaces a level. Text is cleaned first: characters XML 1.0 does not allow
 * are dropped, since no parser would read them back.
 */
final class XmlDocument {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final Writer text;
  private final XMLStreamWriter xml;
  private int depth;
  private boolean open;

  /** Starts a UTF-8 document on a stream, which stays open. */
  XmlDocument(OutputStream out) throws IOException {
    text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      xml = FACTORY.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Opens an element on a new line; its attributes follow. */
  XmlDocument start(String name) throws IOException {
    try {
      indent();
      xml.writeStartElement(name);
      depth++;
      open = true;
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Writes an element with no content on a new line; its attributes follow. */
  XmlDocument empty(String name) throws IOException {
    try {
      indent();
      xml.writeEmptyElement(name);
      open = false;
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Declares the default namespace on the element just opened. */
  XmlDocument namespace(String uri) throws IOException {
    try {
      xml.setDefaultNamespace(uri);
      xml.writeDefaultNamespace(uri);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Declares a prefixed namespace on the element just opened. */
  XmlDocument namespace(String prefix, String uri) throws IOException {
    try {
      xml.setPrefix(prefix, uri);
      xml.writeNamespace(prefix, uri);
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Adds an attribute to the element just written. */
  XmlDocument attribute(String name, String value) throws IOException {
    try {
      xml.writeAttribute(name, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Adds a namespaced attribute to the element just written. */
  XmlDocument attribute(String uri, String name, String value) throws IOException {
    try {
      xml.writeAttribute(uri, name, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Writes an element holding only text, on a new line. */
  XmlDocument element(String name, String content, String attribute, String value)
      throws IOException {
    try {
      indent();
      xml.writeStartElement(name);
      if (attribute != null) {
        xml.writeAttribute(attribute, clean(value));
      }
      xml.writeCharacters(clean(content));
      xml.writeEndElement();
      open = false;
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Closes the innermost open element, on a new line unless it is still empty. */
  XmlDocument end() throws IOException {
    try {
      depth--;
      if (!open) {
        indent();
      }
      xml.writeEndElement();
      open = false;
      return this;
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Ends the document and flushes it; the stream stays open. */
  void finish() throws IOException {
    try {
      xml.writeEndDocument();
      xml.writeCharacters("\n");
      xml.flush();
      xml.close();
      text.flush();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  private void indent() throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
    open = false;
  }

  /**
   * The text without the characters XML 1.0 does not allow: controls other than tab, line feed and
   * carriage return, unpaired surrogates, U+FFFE and U+FFFF.
   */
  static String clean(String text) {
    StringBuilder kept = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed && kept == null) {
        kept = new StringBuilder(text.length()).append(text, 0, i);
      } else if (allowed && kept != null) {
        kept.appendCodePoint(c);
      }
      i += width;
    }
    return kept == null ? text : kept.toString();
  }

  private static IOException failure(XMLStreamException e) {
    return e.getNestedException() instanceof IOException io ? io : new IOException(e);
  }
}
