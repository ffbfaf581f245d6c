package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.DeliveryFailure;
import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Admin only, listing included: channel names and targets say where the fleet's alerts go. */
@Path("alert-channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AlertChannelsResource {

    @Inject
    AlertChannels channels;

    @GET
    @RolesAllowed("admin")
    public List<ChannelView> list() {
        return channels.list();
    }

    @POST
    @RolesAllowed("admin")
    public Response add(ChannelRequest request) {
        return Response.status(Response.Status.CREATED).entity(channels.add(request)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String id) {
        channels.delete(AlertsResource.idOf(id));
        return Response.noContent().build();
    }

    /** 200 when the receiver accepted the test notice; 502 with the reason when it did not. */
    @POST
    @Path("{id}/test")
    @RolesAllowed("admin")
    public Map<String, Object> test(@PathParam("id") String id) {
        try {
            channels.sendTest(AlertsResource.idOf(id));
            return Map.of("delivered", true);
        } catch (DeliveryFailure f) {
            throw ApiError.of(Response.Status.BAD_GATEWAY, "the test notice was not delivered: " + f.getMessage());
        }
    }
}
