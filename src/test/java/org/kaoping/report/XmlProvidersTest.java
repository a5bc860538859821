package org.kaoping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.Test;

class XmlProvidersTest {
    private static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";

    @Test
    void lookupsGiveTheJdkBuiltInFactoriesByName() {
        XmlProviders.useJdkDefaults();

        String builtIn = TransformerFactory.newDefaultInstance().getClass().getName();
        assertEquals(builtIn, System.getProperty(TRANSFORMER));
        assertEquals(builtIn, TransformerFactory.newInstance().getClass().getName());
        assertEquals(SAXParserFactory.newDefaultInstance().getClass(), SAXParserFactory.newInstance().getClass());
    }

    @Test
    void aFactoryAlreadyNamedIsLeftAlone() {
        String before = System.getProperty(TRANSFORMER);
        try {
            System.setProperty(TRANSFORMER, "org.example.ChosenTransformerFactory");
            XmlProviders.useJdkDefaults();
            assertEquals("org.example.ChosenTransformerFactory", System.getProperty(TRANSFORMER));
        } finally {
            if (before == null) {
                System.clearProperty(TRANSFORMER);
            } else {
                System.setProperty(TRANSFORMER, before);
            }
        }
    }
}
