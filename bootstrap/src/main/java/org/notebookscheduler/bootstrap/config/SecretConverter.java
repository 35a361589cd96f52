package org.notebookscheduler.bootstrap.config;

import org.notebookscheduler.domain.shared.Secret;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds a token property into a {@link Secret}; a blank value means the property is not set. */
@Component
@ConfigurationPropertiesBinding
public class SecretConverter implements Converter<String, Secret> {

    @Override
    public Secret convert(String source) {
        return source.isBlank() ? null : Secret.of(source, "property");
    }
}
