package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.domain.testfixtures.InMemoryOrderArchive;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Caller ALICE = new Caller("alice", Set.of(), Set.of());

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryOrderArchive archive = new InMemoryOrderArchive();
    private final ArchiveOrder archiveOrder = new ArchiveOrder(orders, archive);

    private Order rejectedOrder(Instant placedAt) {
        Order placed = SampleOrders.placeMugs(orders, 2, placedAt);
        Order rejected = placed.rejected("payment declined: card expired", placedAt.plusSeconds(5));
        orders.update(rejected);
        return rejected;
    }

    @Test
    void archive_keepsTheOrderWithItsTrail_andRemovesTheRestOfItsCollection() {
        Order rejected = rejectedOrder(T0);
        Order expired = orders.expire(rejected.id());

        ArchivedOrder kept = archiveOrder.archive(expired);

        assertThat(archive.find("alice", rejected.id())).contains(kept);
        assertThat(kept.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(kept.reason()).isEqualTo("payment declined: card expired");
        assertThat(kept.trail())
                .extracting(OrderEvent::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.REJECTED);
        assertThat(orders.trail(rejected.id())).isEmpty();
    }

    @Test
    void archive_again_keepsOneRecord() {
        Order expired = orders.expire(rejectedOrder(T0).id());

        archiveOrder.archive(expired);
        ArchivedOrder second = archiveOrder.archive(expired);

        assertThat(archive.size()).isEqualTo(1);
        assertThat(archive.find("alice", expired.id())).contains(second);
    }

    @Test
    void history_fallsBackToTheArchive_forItsCustomerOnly() {
        Order expired = orders.expire(rejectedOrder(T0).id());
        archiveOrder.archive(expired);
        ViewOrder view = new ViewOrder(orders, archive);

        OrderView seen = view.history(ALICE, expired.id());

        assertThat(seen).isInstanceOf(OrderView.Archived.class);
        assertThat(((OrderView.Archived) seen).order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThatThrownBy(
                        () -> view.history(new Caller("mallory", Set.of(), Set.of()), expired.id()))
                .isInstanceOf(OrderNotFound.class);
    }

    @Test
    void history_answersTheLiveOrder_whileItIsLive() {
        Order rejected = rejectedOrder(T0);

        OrderView seen = new ViewOrder(orders, archive).history(ALICE, rejected.id());

        assertThat(seen).isInstanceOf(OrderView.Live.class);
        assertThat(((OrderView.Live) seen).trail()).hasSize(2);
    }

    @Test
    void list_pagesThroughLiveOrdersThenArchivedOnes() {
        List<OrderId> archivedIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order old = rejectedOrder(T0.plusSeconds(i));
            archiveOrder.archive(orders.expire(old.id()));
            archivedIds.add(0, old.id());
        }
        List<OrderId> liveIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            liveIds.add(0, SampleOrders.placeMugs(orders, 1, T0.plusSeconds(100 + i)).id());
        }
        ListOrders list = new ListOrders(orders, archive);

        List<OrderView> seen = new ArrayList<>();
        Cursor cursor = Cursor.first();
        int pages = 0;
        while (true) {
            Page<OrderView> page = list.list(ALICE, Set.of(), new PageRequest(2, cursor));
            seen.addAll(page.items());
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }

        List<OrderId> expected = new ArrayList<>(liveIds);
        expected.addAll(archivedIds);
        assertThat(seen).extracting(OrderView::id).containsExactlyElementsOf(expected);
        assertThat(seen.subList(0, 2)).allMatch(v -> v instanceof OrderView.Live);
        assertThat(seen.subList(2, 5)).allMatch(v -> v instanceof OrderView.Archived);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_endsWithoutACursor_whenTheLiveOrdersFillTheLastPageAndTheArchiveIsEmpty() {
        SampleOrders.placeMugs(orders, 1, T0);
        SampleOrders.placeMugs(orders, 1, T0.plusSeconds(1));

        Page<OrderView> page =
                new ListOrders(orders, archive)
                        .list(ALICE, Set.of(), new PageRequest(2, Cursor.first()));

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void list_fillsAShortLivePageFromTheArchive_andSkipsItForUnfinishedStates() {
        Order old = rejectedOrder(T0);
        archiveOrder.archive(orders.expire(old.id()));
        Order live = SampleOrders.placeMugs(orders, 1, T0.plusSeconds(100));
        ListOrders list = new ListOrders(orders, archive);

        Page<OrderView> all = list.list(ALICE, Set.of(), new PageRequest(10, Cursor.first()));
        Page<OrderView> pending =
                list.list(ALICE, Set.of(OrderStatus.PENDING), new PageRequest(10, Cursor.first()));

        assertThat(all.items()).extracting(OrderView::id).containsExactly(live.id(), old.id());
        assertThat(all.next()).isEmpty();
        assertThat(pending.items()).extracting(OrderView::id).containsExactly(live.id());
    }
}
