import pickle

from newsprism.errors import InputError, first_named


def test_an_input_error_survives_pickling_with_its_source_and_reason():
    error = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (error.source, error.reason, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


def test_a_message_names_the_first_five_and_counts_the_rest():
    assert first_named(["s1", "s2"]) == "s1, s2"
    assert first_named([f"s{i}" for i in range(1, 9)]) == "s1, s2, s3, s4, s5 and 3 more"
