package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.AlertmanagerPayload;
import com.ipmimonitor.alerting.control.GenericPayload;
import com.ipmimonitor.alerting.control.MailText;
import com.ipmimonitor.alerting.control.Notification;
import com.ipmimonitor.alerting.entity.AlertChannel;
import com.ipmimonitor.alerting.entity.ChannelType;
import com.ipmimonitor.alerting.entity.DeliveryFailure;
import com.ipmimonitor.alerting.entity.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends one notice to one channel, in the channel's format. Never called inside a transaction. */
@ApplicationScoped
public class Notifier {

    @Inject
    AlertingConfig config;

    public void send(AlertChannel channel, Notification notification) throws DeliveryFailure {
        if (channel.getType() == ChannelType.EMAIL) {
            var mail = config.mail().orElseThrow(() -> new DeliveryFailure("SMTP_HOST is not set"));
            mail.send(channel.getRecipients(), MailText.of(notification));
            return;
        }
        String url = channel.findUrl().orElseThrow(() -> new DeliveryFailure("the channel has no URL"));
        String body = channel.findFormat().orElse(WebhookFormat.GENERIC) == WebhookFormat.ALERTMANAGER
                ? AlertmanagerPayload.of(notification) : GenericPayload.of(notification);
        config.webhooks().post(url, channel.findAuthorization(), body);
    }
}
