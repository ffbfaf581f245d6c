package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.rest.ChangeRejected.Reason;
import com.ipmimonitor.alerting.control.ChannelSpec;
import com.ipmimonitor.alerting.control.Notification;
import com.ipmimonitor.alerting.entity.AlertChannel;
import com.ipmimonitor.alerting.entity.ChannelType;
import com.ipmimonitor.alerting.entity.DeliveryFailure;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Channels for the API and the alerts page: list, add (checked first), delete, send a test notice. */
@Stateless
public class AlertChannels {

    @PersistenceContext
    EntityManager em;

    @Inject
    AlertingConfig config;

    @Inject
    Notifier notifier;

    public List<ChannelView> list() {
        return em.createNamedQuery(AlertChannel.ALL, AlertChannel.class).getResultStream().map(ChannelView::of).toList();
    }

    public ChannelView add(ChannelRequest request) {
        if (request == null) {
            throw new AlertChannelRejected(Reason.INVALID, "a JSON body with name and type is required", List.of());
        }
        ChannelSpec.Result parsed = ChannelSpec.parse(request.name, request.type, request.url, request.format,
                request.authorization, request.recipients);
        ChannelSpec spec = parsed.spec().orElseThrow(() ->
                new AlertChannelRejected(Reason.INVALID, "the channel has errors; nothing was saved", parsed.problems()));
        if (spec.type() == ChannelType.EMAIL && config.mail().isEmpty()) {
            throw new AlertChannelRejected(Reason.INVALID, "SMTP_HOST is not set: e-mail cannot be sent", List.of());
        }
        if (!em.createNamedQuery(AlertChannel.BY_NAME, AlertChannel.class).setParameter("name", spec.name())
                .getResultList().isEmpty()) {
            throw new AlertChannelRejected(Reason.CONFLICT, "a channel named " + spec.name() + " exists", List.of());
        }
        AlertChannel channel = spec.type() == ChannelType.EMAIL ? AlertChannel.email(spec.name(), spec.recipients())
                : AlertChannel.webhook(spec.name(), spec.url().orElseThrow(), spec.urlShown().orElseThrow(),
                        spec.format().orElseThrow(), spec.authorization().orElse(null));
        em.persist(channel);
        em.flush();
        return ChannelView.of(channel);
    }

    public void delete(long id) {
        AlertChannel channel = em.find(AlertChannel.class, id);
        if (channel == null) {
            throw noChannel(id);
        }
        em.remove(channel);
    }

    /**
     * Sends a test notice now, once, with the channel's timeouts (no retry: the admin is waiting). Outside any
     * transaction, so a slow receiver holds no database connection.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendTest(long id) throws DeliveryFailure {
        AlertChannel channel = Optional.ofNullable(em.find(AlertChannel.class, id)).orElseThrow(() -> noChannel(id));
        notifier.send(channel, Notification.test(channel.getName(), OffsetDateTime.now(ZoneOffset.UTC), config.alertsLink()));
    }

    private static AlertChannelRejected noChannel(long id) {
        return new AlertChannelRejected(Reason.NOT_FOUND, "no alert channel with id " + id, List.of());
    }
}
