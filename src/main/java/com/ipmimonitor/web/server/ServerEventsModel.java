package com.ipmimonitor.web.server;

import com.ipmimonitor.events.boundary.EventView;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The events table of a server page, one page at a time from the database (a SEL may hold thousands). */
public class ServerEventsModel extends LazyDataModel<EventView> {

    private static final long serialVersionUID = 1L;
    private final ServerBacking page;

    ServerEventsModel(ServerBacking page) {
        this.page = page;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, page.countEvents());
    }

    @Override
    public List<EventView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.findEvents(first, pageSize);
    }

    @Override
    public String getRowKey(EventView event) {
        return String.valueOf(event.id());
    }
}
