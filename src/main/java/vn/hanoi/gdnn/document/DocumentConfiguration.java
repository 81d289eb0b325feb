package vn.hanoi.gdnn.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The document feature's settings (gdnn.documents.*, docs/documents.md). */
@Configuration
@EnableConfigurationProperties(DocumentProperties.class)
public class DocumentConfiguration {
}
