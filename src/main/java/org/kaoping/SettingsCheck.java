package org.kaoping;

import java.util.stream.Collectors;
import org.kaoping.run.ExitCodes;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationListener;

/**
 * Every {@code kaoping.*} setting given on the command line or in a properties file (the home's
 * {@code config/application.properties}) is one {@link KaopingProperties} knows, with a value it can take: a
 * misspelt key or a bad value stops the process with exit 3, naming the key and where it was set, before anything
 * is opened or read, rather than being ignored. As Boot does for {@code ignoreUnknownFields = false}, environment
 * variables and system properties are not held to it (KAOPING_OPTS and the like belong to the launcher); their
 * values are still checked.
 */
public final class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        try {
            Binder.get(event.getEnvironment()).bind("kaoping", Bindable.of(KaopingProperties.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter()));
        } catch (BindException e) {
            System.err.println("无法运行：" + reason(e));
            System.exit(ExitCodes.BAD_CONFIG);
        }
    }

    static String reason(BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            return unbound.getUnboundProperties().stream().map(SettingsCheck::where)
                    .collect(Collectors.joining("；", "未知的设置 ", "（kaoping.* 的设置见 docs/configuration.md）"));
        }
        ConfigurationProperty property = e.getProperty();
        return property == null ? "设置 " + e.getName() + " 有误：" + e.getMessage()
                : "设置 " + where(property) + "的值 “" + property.getValue() + "” 不能用";
    }

    private static String where(ConfigurationProperty property) {
        Origin origin = property.getOrigin();
        if (origin instanceof PropertySourceOrigin source && source.getOrigin() != null) {
            origin = source.getOrigin(); // the file and line behind the property source
        }
        String from;
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            from = text.getResource().getDescription().replaceFirst("^URL \\[file:(.*)]$", "$1")
                    + (text.getLocation() == null ? "" : " 第 " + (text.getLocation().getLine() + 1) + " 行");
        } else if (origin instanceof PropertySourceOrigin source
                && source.getPropertySource().getName().equals("commandLineArgs")) {
            from = "命令行";
        } else {
            from = origin == null ? null : origin.toString();
        }
        return property.getName() + (from == null ? "" : "（" + from + "）");
    }
}
