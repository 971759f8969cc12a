"""Loading, chunking, embedding, storing and searching trial articles."""
