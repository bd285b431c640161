# pyscript.flatted: the npm flatted format (the texts below are what npm's
# flatted 3.x writes for the same values).

from pyscript import flatted
from pyscript.flatted import parse, stringify

from e2e_support import raises


def test_strings_and_containers_are_entries_of_their_own():
    assert stringify({"a": [1, "x"], "b": "x"}) == '[{"a":"1","b":"2"},[1,"2"],"x"]'


def test_primitives_stay_inline():
    assert stringify([None, True, 1.5, {"k": "v"}, "v"]) == '[[null,true,1.5,"1","2"],{"k":"2"},"v"]'
    assert stringify(5) == "[5]"
    assert stringify("text") == '["text"]'


def test_a_cycle_refers_to_its_entry():
    value = {"name": "loop"}
    value["self"] = value
    assert stringify(value) == '[{"name":"1","self":"0"},"loop"]'
    back = parse(stringify(value))
    assert back["self"] is back
    assert back["name"] == "loop"


def test_shared_values_stay_shared():
    shared = [1, 2]
    back = parse(stringify({"a": shared, "b": shared}))
    assert back["a"] is back["b"]
    assert back["a"] == [1, 2]


def test_parse_reads_what_npm_flatted_writes():
    back = parse('[{"a":"1","b":"2"},[1,"2"],"x"]')
    assert back == {"a": [1, "x"], "b": "x"}
    assert parse("[5]") == 5
    assert parse('["text"]') == "text"


def test_a_long_chain_round_trips_without_recursion():
    head = []
    tail = head
    for _ in range(2000):
        item = []
        tail.append(item)
        tail = item
    back = parse(stringify(head))
    depth = 0
    while back:
        back = back[0]
        depth += 1
    assert depth == 2000


def test_parse_refuses_what_is_not_flatted():
    raises(ValueError, parse, "[]")
    raises(ValueError, parse, '{"a": 1}')


def test_module_names():
    assert flatted.parse is parse
    assert flatted.stringify is stringify
