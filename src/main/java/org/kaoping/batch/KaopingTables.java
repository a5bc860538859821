package org.kaoping.batch;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/** Creates kaoping's own tables (schema-kaoping.sql) if they do not exist yet. */
@Component
public class KaopingTables {
    public KaopingTables(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("schema-kaoping.sql")).execute(dataSource);
    }
}
