"""The shared rate limiter: fixed windows in the cache, several scopes, odd keys, and the visitor's address."""

import threading
import time
import warnings

from django.core.cache import CacheKeyWarning, cache

import pytest

from core import ratelimit
from core.ratelimit import RateLimit, client_ip, wait_message

# The start of a minute (and of an hour), so the tests know where each window ends.
START = 1_800_000_000.0


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand; the cache's expiry reads the same clock."""
    now = [START]
    monkeypatch.setattr(time, "time", lambda: now[0])

    class Clock:
        def advance(self, seconds):
            now[0] += seconds

    return Clock()


def limit(key="192.0.2.1", limits=((2, 60),), action="test"):
    return RateLimit(action, ip=(key, list(limits)))


# Count and check: hit() counts, and says how long to wait once a scope goes over


def test_hits_are_allowed_up_to_the_count_then_refused_until_the_window_ends(clock):
    clock.advance(15)
    assert [limit().hit() for _ in range(3)] == [0, 0, 45]

    clock.advance(44)
    assert limit().hit() == 1
    clock.advance(1)
    assert limit().hit() == 0


def test_every_window_of_a_scope_counts(clock):
    hourly = ((2, 60), (3, 3600))
    assert [limit(limits=hourly).hit() for _ in range(2)] == [0, 0]
    clock.advance(60)

    assert limit(limits=hourly).hit() == 0
    assert limit(limits=hourly).hit() == 3600 - 60


def test_two_limits_on_one_window_count_each_hit_once(clock):
    assert [limit(limits=((3, 60), (5, 60))).hit() for _ in range(4)] == [0, 0, 0, 60]


def test_any_scope_over_its_limit_refuses_and_every_scope_is_counted(clock):
    def member_limit(user, address):
        return RateLimit("post", user=(user, [(2, 60)]), ip=(address, [(2, 60)]))

    assert member_limit(1, "192.0.2.1").hit() == 0
    assert member_limit(1, "192.0.2.2").hit() == 0
    assert member_limit(1, "192.0.2.3").hit() == 60  # the member is over, whatever the address
    assert member_limit(2, "192.0.2.3").hit() == 0  # the refused hit still counted for 192.0.2.3
    assert member_limit(3, "192.0.2.3").hit() == 60  # ... which is now over its limit


def test_actions_and_scopes_count_apart(clock):
    for _ in range(2):
        limit(action="signup").hit()

    assert limit(action="signup").hit() == 60
    assert limit(action="login").hit() == 0
    assert RateLimit("signup", account=("192.0.2.1", [(2, 60)])).hit() == 0


def test_a_scope_without_a_key_is_not_counted(clock):
    unknown = RateLimit("post", user=(7, [(5, 60)]), ip=(None, [(1, 60)]))

    assert [unknown.hit() for _ in range(3)] == [0, 0, 0]


# Check, then count failures: blocked() only looks, hit() counts a failure


def test_blocked_counts_nothing_and_says_how_long_once_a_scope_is_at_its_count(clock):
    clock.advance(50)
    login = RateLimit("login", ip=("192.0.2.1", [(30, 900)]), account=("ada", [(2, 60)]))
    assert [login.blocked() for _ in range(5)] == [0] * 5

    login.hit()
    assert login.blocked() == 0
    login.hit()
    assert login.blocked() == 10

    clock.advance(10)
    assert login.blocked() == 0


def test_the_counters_expire_with_their_window(clock):
    limit().hit()
    clock.advance(62)

    assert cache.get(ratelimit._cache_key("test:ip", "192.0.2.1", 60, int(START // 60))) is None


def test_a_window_that_ends_between_add_and_incr_starts_again(clock, monkeypatch):
    limit().hit()

    def expired(key):
        raise ValueError(key)

    monkeypatch.setattr(cache, "incr", expired)
    assert limit().hit() == 0
    monkeypatch.undo()
    assert cache.get(ratelimit._cache_key("test:ip", "192.0.2.1", 60, int(START // 60))) == 1


def test_concurrent_hits_are_each_counted_once(clock):
    allowed = []
    barrier = threading.Barrier(20)

    def hit():
        barrier.wait(timeout=10)
        allowed.append(limit(limits=((10, 3600),)).hit() == 0)

    threads = [threading.Thread(target=hit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert allowed.count(True) == 10


@pytest.mark.parametrize(
    "key",
    [
        "name with spaces",
        "ünïcødé ✓ 名前",
        "x" * 5000,
        "line\nbreak\ttab\x00nul",
        "colons:and:{braces}",
        "ADA@Example.org ",
    ],
)
def test_odd_keys_make_safe_cache_keys_and_are_counted(clock, key):
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        assert [limit(key).hit() for _ in range(3)] == [0, 0, 60]

    stored = ratelimit._cache_key("test:ip", key, 60, 0)
    assert len(stored) < 100
    assert stored.isascii() and stored.isprintable() and " " not in stored


def test_keys_differing_only_in_case_share_a_count(clock):
    limit("Ada@Example.org").hit()
    limit("ada@example.org").hit()

    assert limit("ADA@EXAMPLE.ORG").hit() == 60


# The visitor's address


def request_from(rf, remote_addr="10.0.0.1", forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return rf.get("/", REMOTE_ADDR=remote_addr, **headers)


def test_without_proxies_the_connecting_address_is_the_visitor_and_x_forwarded_for_is_ignored(rf, settings):
    settings.PROXY_COUNT = 0

    assert client_ip(request_from(rf)) == "10.0.0.1"
    assert client_ip(request_from(rf, forwarded="203.0.113.5")) == "10.0.0.1"


def test_behind_proxies_the_address_the_nearest_trusted_proxy_saw_is_the_visitor(rf, settings):
    spoofed_then_real = request_from(rf, forwarded="6.6.6.6, 203.0.113.5 ,198.51.100.1")

    settings.PROXY_COUNT = 1
    assert client_ip(spoofed_then_real) == "198.51.100.1"
    settings.PROXY_COUNT = 2
    assert client_ip(spoofed_then_real) == "203.0.113.5"


def test_with_fewer_forwarded_addresses_than_proxies_the_connecting_address_is_used(rf, settings):
    settings.PROXY_COUNT = 2

    assert client_ip(request_from(rf, forwarded="198.51.100.1")) == "10.0.0.1"
    assert client_ip(request_from(rf, forwarded=" , ")) == "10.0.0.1"
    assert client_ip(request_from(rf)) == "10.0.0.1"


def test_an_unknown_address_is_none(rf, settings):
    settings.PROXY_COUNT = 0

    assert client_ip(request_from(rf, remote_addr="")) is None


# The message


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "a minute"),
        (89, "a minute"),
        (90, "2 minutes"),
        (45 * 60, "45 minutes"),
        (3600, "an hour"),
        (5 * 3600, "5 hours"),
    ],
)
def test_the_wait_in_words(seconds, words):
    assert wait_message(seconds) == f"Too many attempts. Please wait {words} and try again."


def test_the_message_starts_with_the_reason_given():
    assert wait_message(30, "You are doing that too often.") == (
        "You are doing that too often. Please wait a minute and try again."
    )
