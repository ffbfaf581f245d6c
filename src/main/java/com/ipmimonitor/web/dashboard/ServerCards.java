package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The dashboard's server cards, a page at a time: with a thousand servers, one card each made an 880 KB page that
 * nobody reads to the end. The servers that need someone come first (their last poll failed, then by critical and
 * warning events in the range), so the first page is the one to look at; a filter finds any other by name or address.
 */
public final class ServerCards {

    public static final int PAGE_SIZE = 48;

    static final Comparator<ServerView> ATTENTION_FIRST = Comparator.comparing((ServerView s) -> !failing(s))
            .thenComparing(ServerView::criticalCount, Comparator.reverseOrder())
            .thenComparing(ServerView::warningCount, Comparator.reverseOrder())
            .thenComparing(ServerView::serverName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ServerView::bmcIp);

    /** One page of cards; first and last count from 1, and are 0 when nothing matches. */
    public record Page(List<ServerView> shown, int number, int pages, int matching, int first, int last) {

        /** The shown servers as the page reads them. */
        public List<ServerCard> cards() {
            return shown.stream().map(ServerCard::new).toList();
        }

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number < pages - 1;
        }
    }

    private ServerCards() {
    }

    /** The requested page (clamped to the pages there are) of the servers matching the filter, attention first. */
    public static Page page(List<ServerView> servers, String filter, int requested, int size) {
        List<ServerView> sorted = FleetSummary.of(servers).attentionFirst();
        List<ServerView> matching = blank(filter) ? sorted : sorted.stream().filter(matcher(filter)).toList();
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        int number = Math.max(0, Math.min(requested, pages - 1));
        int from = Math.min(matching.size(), number * size);
        int to = Math.min(matching.size(), from + size);
        // a copy: a sublist would keep the whole fleet alive in the view state
        return new Page(List.copyOf(matching.subList(from, to)), number, pages, matching.size(), from == to ? 0 : from + 1, to);
    }

    static boolean failing(ServerView s) {
        return s.lastOutcome() != null && !s.lastOutcome().equals("OK");
    }

    private static boolean blank(String filter) {
        return filter == null || filter.isBlank();
    }

    /** Case-insensitive part of the name, the BMC address or the host address; blank matches every server. */
    private static Predicate<ServerView> matcher(String filter) {
        String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return s -> wanted.isEmpty() || Stream.of(s.serverName(), s.bmcIp(), s.serverIp())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
