// Every page: keeps the address in step with what the page shows. An element with data-page-query (the events'
// CSV export link, rendered by the server after every AJAX update) carries the page's filter, e.g.
// "range=6h&severity=critical"; it replaces the address's query, so that a reload or a copied link shows the same.
(function () {
    function syncAddress() {
        var holder = document.querySelector('[data-page-query]');
        if (!holder) { return; }
        var query = holder.getAttribute('data-page-query');
        var wanted = location.pathname + (query ? '?' + query : '') + location.hash;
        if (wanted !== location.pathname + location.search + location.hash) {
            history.replaceState(history.state, '', wanted);
        }
    }
    document.addEventListener('DOMContentLoaded', syncAddress);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', syncAddress);
    }
})();
