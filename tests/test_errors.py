import pickle

from newsprism.errors import InputError


def test_an_input_error_survives_pickling_with_its_source_and_reason():
    error = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (error.source, error.reason, str(error)) == ("a.txt", "empty file", "a.txt: empty file")
