package org.notebookscheduler.bootstrap.web;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Tomcat, tuned so that hostile requests get the API's own answers: an encoded slash in a path
 * reaches the application (and is an unknown id, 404) instead of Tomcat's HTML 400; headers are
 * measured by the API's own limit (431 problem JSON), Tomcat's own limit being kept eight times
 * higher; and whatever Tomcat still refuses by itself is answered as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
public class TomcatProblemsConfiguration {

    private static final int HEADROOM = 8;
    private static final long MAX_TOMCAT_HEADER_BYTES = 1024 * 1024;

    /** Last, so that its connector settings are applied after Spring Boot's own. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatProblems(SchedulerProperties properties) {
        int headerBytes = (int) Math.min(MAX_TOMCAT_HEADER_BYTES,
                properties.web().maxHeaderSize().toBytes() * HEADROOM);
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                        && http.getMaxHttpRequestHeaderSize() < headerBytes) {
                    http.setMaxHttpRequestHeaderSize(headerBytes);
                }
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }
}
