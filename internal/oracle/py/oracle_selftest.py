# Functions the oracle's own tests call through the live server.
import struct


def identity(value):
    return value


def struct_unpack(fmt, data):
    return struct.unpack(fmt, data)


def raise_value_error(message):
    raise ValueError(message)
