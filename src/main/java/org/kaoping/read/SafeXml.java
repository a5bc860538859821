package org.kaoping.read;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way files' XML is parsed (.xlsx parts, .ods content, Excel 2003 XML): no DTD, so no external entity and no
 * entity expansion; Woodstox, the same StAX API as the JDK's parser and faster on the many small sheets of a first
 * run (docs/benchmark.md); one factory a thread.
 */
final class SafeXml {
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::factory);

    private SafeXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(in);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
