package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.ChannelType;
import com.ipmimonitor.alerting.entity.WebhookFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A checked channel definition. {@link #parse} lists every problem of the input at once (empty list: valid),
 * so the API and the page can say what to fix.
 */
public record ChannelSpec(String name, ChannelType type, Optional<String> url, Optional<String> urlShown,
                          Optional<WebhookFormat> format, Optional<String> authorization, List<String> recipients) {

    public static final int MAX_RECIPIENTS = 20;
    // deliberately simple: an address with one @, no spaces or separators; the SMTP server decides the rest
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"()\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

    public record Result(Optional<ChannelSpec> spec, List<String> problems) {
    }

    public static Result parse(String name, String type, String url, String format, String authorization,
                               String recipients) {
        List<String> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 128 || cleanName.chars().anyMatch(Character::isISOControl)) {
            problems.add("name: 1 to 128 characters, no control characters");
        }
        Optional<ChannelType> channelType = enumOf(ChannelType.class, type);
        if (channelType.isEmpty()) {
            problems.add("type: webhook or email");
            return new Result(Optional.empty(), problems);
        }
        if (channelType.get() == ChannelType.WEBHOOK) {
            return webhook(cleanName, url, format, authorization, problems);
        }
        return email(cleanName, recipients, problems);
    }

    private static Result webhook(String name, String url, String format, String authorization, List<String> problems) {
        Optional<URI> uri = httpUri(url);
        if (uri.isEmpty()) {
            problems.add("url: an absolute http:// or https:// URL with a host");
        }
        Optional<WebhookFormat> webhookFormat = format == null || format.isBlank() ? Optional.of(WebhookFormat.GENERIC)
                : enumOf(WebhookFormat.class, format);
        if (webhookFormat.isEmpty()) {
            problems.add("format: generic or alertmanager");
        }
        Optional<String> auth = Optional.ofNullable(authorization).map(String::strip).filter(a -> !a.isEmpty());
        if (auth.filter(a -> a.length() > 2000 || a.chars().anyMatch(Character::isISOControl)).isPresent()) {
            problems.add("authorization: at most 2000 characters on one line");
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new ChannelSpec(name, ChannelType.WEBHOOK, Optional.of(url.strip()),
                Optional.of(shown(uri.get())), webhookFormat, auth, List.of())), problems);
    }

    private static Result email(String name, String recipients, List<String> problems) {
        List<String> addresses = recipients == null ? List.of() : Arrays.stream(recipients.split("[,;\\s]+"))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        if (addresses.isEmpty() || addresses.size() > MAX_RECIPIENTS) {
            problems.add("recipients: 1 to " + MAX_RECIPIENTS + " e-mail addresses, separated by commas");
        }
        addresses.stream().filter(a -> !ADDRESS.matcher(a).matches() || a.length() > 254)
                .forEach(a -> problems.add("recipients: '" + a + "' is not an e-mail address"));
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new ChannelSpec(name, ChannelType.EMAIL, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), addresses)), problems);
    }

    static Optional<URI> httpUri(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** scheme://host[:port] and "/…" when there is more: paths and queries of webhook URLs often hold tokens. */
    static String shown(URI uri) {
        String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null;
        return base + (more ? "/…" : "/");
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
